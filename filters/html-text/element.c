/*
 * element.c - find a tag name in the element table.
 *
 * The parser looks up every tag it reads, so the lookup is a hash table
 * built on the first call (open addressing, 512 slots for the ~130
 * names of elements.def) rather than a binary search.
 */
#include "element.h"

#include <string.h>

#define SLOTS 512

const struct element elements[NELEMENTS] = {ELEMENT_ROWS};

static unsigned char slot_elem[SLOTS]; /* 0: empty, else element + 1 */
static int slots_built;

static unsigned
name_hash(const char *s, size_t n)
{
	unsigned h = 2166136261u;
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h ^ (h >> 15);
}

static void
build_slots(void)
{
	unsigned h;
	int e;

	for (e = 1; e < NELEMENTS; e++) {
		h = name_hash(elements[e].name, strlen(elements[e].name));
		while (slot_elem[h % SLOTS] != 0)
			h++;
		slot_elem[h % SLOTS] = (unsigned char)(e + 1);
	}
	slots_built = 1;
}

int
elem_lookup(const char *name, size_t n)
{
	unsigned h;
	int e;

	if (!slots_built)
		build_slots();
	for (h = name_hash(name, n);; h++) {
		e = slot_elem[h % SLOTS];
		if (e == 0)
			return E_UNKNOWN;
		e--;
		if (strncmp(elements[e].name, name, n) == 0 &&
		    elements[e].name[n] == '\0')
			return e;
	}
}
