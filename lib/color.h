/*
 * color.h - when to colour, and the escape sequences winnow uses.
 *
 * --color=auto (the default) colours only when the output is a terminal,
 * TERM is set and not "dumb", and NO_COLOR is unset or empty.
 */
#ifndef WINNOW_COLOR_H
#define WINNOW_COLOR_H

enum color_when { COLOR_NEVER, COLOR_ALWAYS, COLOR_AUTO };

/* Parse a --color argument (NULL means "always", as GNU ls does); -1 if
 * it is none of never/always/auto (also no/yes/none/force/tty/if-tty). */
int color_parse(const char *arg);

/* Decide: 1 to colour the output written to fd, 0 not to. */
int color_decide(enum color_when when, int fd);

#define SGR_RESET "\033[0m"
#define SGR_DIM "\033[2m"
#define SGR_BOLD "\033[1m"
#define SGR_RED "\033[31m"
#define SGR_GREEN "\033[32m"
#define SGR_YELLOW "\033[33m"
#define SGR_BLUE "\033[34m"
#define SGR_MAGENTA "\033[35m"
#define SGR_CYAN "\033[36m"

#endif
