# winnow build configuration: edit here or override on the make command line.
VERSION = 0.1.0

PREFIX ?= /usr/local
BINDIR = $(PREFIX)/bin
MANDIR = $(PREFIX)/share/man/man1

# The filters, one per line; each is filters/NAME.c (or a folder
# filters/NAME/ with main.c) with filters/NAME.1.
FILTERS = \
	declutter \
	dedupe-lines \
	extract-amounts \
	extract-dates \
	extract-quotes \
	fix-text \
	html-text \
	split-sentences \
	unwrap

# CC: the compiler (make CC=clang).
CFLAGS ?= -O2 -g
LDFLAGS ?=
