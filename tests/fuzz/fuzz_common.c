/*
 * fuzz_common.c - exit() interception and temporary files for harnesses.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "fuzz.h"

#undef exit

jmp_buf fuzz_jmp;
int fuzz_armed;

void
fuzz_exit(int status)
{
	if (fuzz_armed)
		longjmp(fuzz_jmp, status + 1);
	exit(status);
}

/*
 * The input as a file.  In memory (/dev/shm) where there is one: on a
 * disk, closing a file just truncated and rewritten starts its writeback
 * (ext4), which cost more than a declutter run.
 */
const char *
fuzz_file(const char *tag, const unsigned char *data, size_t n)
{
	static char path[2][256];
	static int which;
	char *p = path[which++ & 1];
	const char *dir = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
	int fd;

	(void)snprintf(p, sizeof(path[0]), "%s/winnow-fuzz-%ld-%s", dir,
	    (long)getpid(), tag);
	fd = open(p, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (fd < 0)
		abort();
	while (n > 0) {
		ssize_t w = write(fd, data, n);

		if (w <= 0)
			abort();
		data += w;
		n -= (size_t)w;
	}
	(void)close(fd);
	return p;
}
