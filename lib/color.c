/*
 * color.c - the --color decision.
 */
#include "color.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int
color_parse(const char *arg)
{
	if (arg == NULL || strcmp(arg, "always") == 0 ||
	    strcmp(arg, "yes") == 0 || strcmp(arg, "force") == 0)
		return COLOR_ALWAYS;
	if (strcmp(arg, "never") == 0 || strcmp(arg, "no") == 0 ||
	    strcmp(arg, "none") == 0)
		return COLOR_NEVER;
	if (strcmp(arg, "auto") == 0 || strcmp(arg, "tty") == 0 ||
	    strcmp(arg, "if-tty") == 0)
		return COLOR_AUTO;
	return -1;
}

int
color_decide(enum color_when when, int fd)
{
	const char *term, *no_color;

	if (when == COLOR_ALWAYS)
		return 1;
	if (when == COLOR_NEVER)
		return 0;
	no_color = getenv("NO_COLOR");
	if (no_color != NULL && *no_color != '\0')
		return 0;
	term = getenv("TERM");
	if (term == NULL || strcmp(term, "dumb") == 0)
		return 0;
	return isatty(fd);
}
