/*
 * fuzz_lineio.c - the line reader against arbitrary bytes and buffer
 * sizes: the lines it returns, joined with their endings, must give back
 * the input exactly (a missing final newline aside).
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"
#include "lineio.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct linereader lr;
	struct line line;
	size_t pos = 0, max;
	int fd, r;

	if (size < 1)
		return 0;
	max = data[0] % 4 == 0 ? 16 : 0;	/* sometimes a tiny line limit */
	data++;
	size--;
	fd = open(fuzz_file("lineio", data, size), O_RDONLY);
	if (fd < 0)
		abort();
	lr_init(&lr, fd);
	lr_set_max_line(&lr, max);
	while ((r = lr_next(&lr, &line)) == 1) {
		if (pos + line.len > size ||
		    memcmp(data + pos, line.p, line.len) != 0)
			abort();
		pos += line.len;
		if (line.crlf) {
			if (data[pos] != '\r' || data[pos + 1] != '\n')
				abort();
			pos += 2;
		} else if (!line.nonl) {
			if (data[pos] != '\n')
				abort();
			pos++;
		}
		if (max != 0 && line.len > max + 1)
			abort();
	}
	if (r == 0 && pos != size)
		abort();
	lr_free(&lr);
	(void)close(fd);
	return 0;
}
