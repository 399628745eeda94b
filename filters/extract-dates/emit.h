/*
 * emit.h - the records of extract-dates (emit.c).
 */
#ifndef EMIT_H
#define EMIT_H

#include "dates.h"

/* The value of e as written in the value field; 0 when null. */
size_t expr_value(const struct expr *e, const struct anchor *an, char *buf);
/* For --format=tsv. */
void emit_header(void);
void emit_expr(const struct expr *e, const struct anchor *an, const char *file,
    unsigned long long lineno, const char *line);

#endif
