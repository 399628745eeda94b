# winnow: small, fast Unix filters for scraped news text.
# GNU make.  `make` builds bin/*, `make check` runs every test, `make demo`
# shows the filters on samples/demo-article.txt.  See README.md.
.SUFFIXES:

include config.mk

# Where objects and binaries go; `make asan` uses another pair so that an
# instrumented build never mixes with the normal one.
O = build
B = bin

WARN = -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
	-Wmissing-prototypes -Wformat=2 -Wwrite-strings -Wvla
PCRE2_CFLAGS != pkg-config --cflags libpcre2-8 2>/dev/null || true
PCRE2_LIBS != pkg-config --libs libpcre2-8 2>/dev/null || true
# extract-quotes reads ahead on a second thread (lib/readahead.c).
THREAD_FLAGS = -pthread
WERROR_1 = -Werror
XCFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -DVERSION=\"$(VERSION)\" \
	-Ilib -I$(O)/gen $(WARN) $(WERROR_$(WERROR)) $(PCRE2_CFLAGS) $(THREAD_FLAGS)

LIBSRC = \
	lib/buf.c \
	lib/cli.c \
	lib/color.c \
	lib/hash.c \
	lib/hashset.c \
	lib/htmlent.c \
	lib/inputs.c \
	lib/lineio.c \
	lib/output.c \
	lib/prog.c \
	lib/readahead.c \
	lib/record.c \
	lib/rx.c \
	lib/rxlit.c \
	lib/utf8.c \
	lib/wordtab.c \
	lib/xalloc.c
# scan.h is header-only (inline byte-parallel tests).
LIBHDR = $(LIBSRC:.c=.h) lib/scan.h
LIBOBJ = $(LIBSRC:%.c=$(O)/%.o)
LIBA = $(O)/libwinnow.a

UNITS = \
	buf \
	declutter \
	hash \
	hashset \
	htmlent \
	lineio \
	readahead \
	record \
	rx \
	rxlit \
	scan \
	utf8 \
	wordtab
UNITBIN = $(UNITS:%=$(O)/unit/%_test)

# The recipes across cores and hosts (GNU parallel), installed beside the
# filters.
SCRIPTS = \
	dedupe-shards \
	winnow-parallel

BINS = $(FILTERS:%=$(B)/%)
MANS = $(FILTERS:%=filters/%.1)

all: $(BINS)

deps-ok:
	@if ! command -v pkg-config >/dev/null 2>&1 || \
	    ! pkg-config --exists libpcre2-8; then \
		echo "winnow needs pkg-config and the pcre2 headers:" >&2; \
		echo "  Debian/Ubuntu: apt-get install libpcre2-dev pkg-config" >&2; \
		echo "  or run: scripts/install-deps" >&2; \
		exit 1; \
	fi

$(O)/lib/%.o: lib/%.c $(LIBHDR) config.mk | deps-ok
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(XCFLAGS) -c -o $@ $<

$(O)/filters/%.o: filters/%.c $(LIBHDR) config.mk | deps-ok
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(XCFLAGS) -c -o $@ $<


# Word lists and tables are data files beside a filter's source, one entry
# a line; these rules turn them into C headers under $(O)/gen/NAME/, so
# the binaries stay self-contained.  `make lint` checks the lists.
$(O)/gen/extract-quotes/words.h: scripts/words2c \
    filters/extract-quotes/words/*.words
	@mkdir -p $(@D)
	awk -f scripts/words2c filters/extract-quotes/words/*.words >$@.t
	mv $@.t $@
$(O)/gen/extract-amounts/currencies.h: scripts/def2c \
    filters/extract-amounts/currencies.def
	@mkdir -p $(@D)
	awk -f scripts/def2c filters/extract-amounts/currencies.def >$@.t
	mv $@.t $@
$(O)/gen/declutter/words.h: scripts/words2c filters/declutter/words/*.words
	@mkdir -p $(@D)
	awk -f scripts/words2c filters/declutter/words/*.words >$@.t
	mv $@.t $@
# A *.rules file, every line a C string (comments too, so that line N of
# the file is element N - 1: rule:builtin:N in declutter --explain).
$(O)/gen/%.rules.h: filters/%.rules
	@mkdir -p $(@D)
	sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/?/\\?/g' \
	    -e 's/^/    "/' -e 's/$$/",/' $< >$@.t
	mv $@.t $@

# Tables kept as plain data files, turned into C here so that binaries
# need nothing at run time.  lib/htmlent.def: NAME TAB HEX [HEX].
$(O)/gen/htmlent_table.h: lib/htmlent.def
	@mkdir -p $(@D)
	awk -F '\t' '/^#/ || NF == 0 { next } \
	    { n = split($$2, c, " "); \
	      printf "{\"%s\", %d, {0x%s, 0x%s}},\n", $$1, length($$1), \
	          c[1], (n > 1 ? c[2] : "0") }' lib/htmlent.def > $@.tmp
	mv $@.tmp $@

$(O)/lib/htmlent.o: $(O)/gen/htmlent_table.h

# html-text is a folder of parts, filters/html-text/, whose tables are
# data files (elements, encoding labels, class/id words) turned into C
# by tables.awk.
HT = filters/html-text
HTG = $(O)/gen/html-text
HT_SRC = \
	$(HT)/blocks.c \
	$(HT)/charref.c \
	$(HT)/decode.c \
	$(HT)/element.c \
	$(HT)/main.c \
	$(HT)/source.c \
	$(HT)/text.c \
	$(HT)/tokenize.c \
	$(HT)/tree.c
HT_GEN = $(HTG)/elements-gen.c $(HTG)/charsets-gen.c \
	$(HTG)/furniture-gen.c $(HTG)/content-gen.c
HT_OBJ = $(HT_SRC:%.c=$(O)/%.o) $(HT_GEN:.c=.o)
HT_HDR = $(HT)/*.h $(HTG)/elements-gen.h

$(HTG)/elements-gen.h: $(HT)/elements.def $(HT)/tables.awk
	@mkdir -p $(@D)
	awk -f $(HT)/tables.awk -v out=h $(HT)/elements.def > $@.tmp
	mv $@.tmp $@

$(HTG)/elements-gen.c: $(HT)/elements.def $(HT)/tables.awk
	@mkdir -p $(@D)
	awk -f $(HT)/tables.awk -v out=c $(HT)/elements.def > $@.tmp
	mv $@.tmp $@

$(HTG)/charsets-gen.c: $(HT)/charsets.def $(HT)/tables.awk
	@mkdir -p $(@D)
	awk -f $(HT)/tables.awk -v out=pairs -v name=charset_labels \
	    $(HT)/charsets.def > $@.tmp
	mv $@.tmp $@

$(HTG)/%-gen.c: $(HT)/%.words $(HT)/tables.awk
	@mkdir -p $(@D)
	awk -f $(HT)/tables.awk -v out=words -v name=$*_words $< > $@.tmp
	mv $@.tmp $@

$(O)/$(HT)/%.o: $(HT)/%.c $(LIBHDR) $(HT_HDR) config.mk | deps-ok
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(XCFLAGS) -I$(HT) -I$(HTG) -c -o $@ $<

$(HTG)/%.o: $(HTG)/%.c $(LIBHDR) $(HT_HDR)
	$(CC) $(CFLAGS) $(XCFLAGS) -I$(HT) -I$(HTG) -c -o $@ $<

$(B)/html-text: $(HT_OBJ) $(LIBA)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(HT_OBJ) $(LIBA) $(PCRE2_LIBS) $(THREAD_FLAGS)
# split-sentences is a folder of parts, filters/split-sentences/: main.c
# (input, output), split.c (the boundaries), lexicon.c (the word table)
# over its word lists (*.words), which scripts/words2c turns into C.
SS = filters/split-sentences
SSG = $(O)/gen/split-sentences
SS_SRC = \
	$(SS)/lexicon.c \
	$(SS)/main.c \
	$(SS)/split.c
SS_OBJ = $(SS_SRC:%.c=$(O)/%.o)

$(SSG)/words.h: scripts/words2c $(SS)/words/*.words
	@mkdir -p $(@D)
	awk -f scripts/words2c $(SS)/words/*.words >$@.t
	mv $@.t $@

$(O)/$(SS)/%.o: $(SS)/%.c $(SS)/*.h $(SSG)/words.h $(LIBHDR) config.mk | deps-ok
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(XCFLAGS) -I$(SS) -I$(SSG) -c -o $@ $<

$(B)/split-sentences: $(SS_OBJ) $(LIBA)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(SS_OBJ) $(LIBA) $(PCRE2_LIBS) $(THREAD_FLAGS)
# extract-dates is a folder of parts, filters/extract-dates/ (main.c on
# top); its word lists (*.words, one class a file) become
# $(O)/gen/extract-dates/words.c through its words2c.awk.
XD = filters/extract-dates
XDG = $(O)/gen/extract-dates
XD_SRC = \
	$(XD)/anchor.c \
	$(XD)/calendar.c \
	$(XD)/emit.c \
	$(XD)/holidays.c \
	$(XD)/lexicon.c \
	$(XD)/main.c \
	$(XD)/parse.c \
	$(XD)/scan.c
XD_OBJ = $(XD_SRC:%.c=$(O)/%.o) $(XDG)/words.o

$(XDG)/words.c: $(XD)/words2c.awk $(XD)/*.words
	@mkdir -p $(@D)
	awk -f $(XD)/words2c.awk $(XD)/*.words > $@.tmp
	mv $@.tmp $@

$(O)/$(XD)/%.o: $(XD)/%.c $(LIBHDR) $(XD)/*.h config.mk | deps-ok
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(XCFLAGS) -I$(XD) -c -o $@ $<

$(XDG)/words.o: $(XDG)/words.c $(XD)/*.h
	$(CC) $(CFLAGS) $(XCFLAGS) -I$(XD) -c -o $@ $<

$(B)/extract-dates: $(XD_OBJ) $(LIBA)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(XD_OBJ) $(LIBA) $(PCRE2_LIBS) $(THREAD_FLAGS) -lm

# fix-text is a folder of parts, filters/fix-text/ (main.c on top, one
# file a step of its repairs).
FT = filters/fix-text
FT_SRC = \
	$(FT)/charref.c \
	$(FT)/invisible.c \
	$(FT)/main.c \
	$(FT)/mojibake.c \
	$(FT)/typography.c
FT_OBJ = $(FT_SRC:%.c=$(O)/%.o)
FTG = $(O)/gen/fix-text

# codepages.def: NAME TAB 128 hex code points (bytes 0x80-0xFF).
$(FTG)/codepages.h: $(FT)/codepages.def
	@mkdir -p $(@D)
	awk -F '\t' '/^#/ || NF == 0 { next } \
	    { n = split($$2, c, " "); printf "{\"%s\", {", $$1; \
	      for (i = 1; i <= n; i++) printf "0x%s%s", c[i], (i < n ? ", " : ""); \
	      print "}}," }' $(FT)/codepages.def > $@.tmp
	mv $@.tmp $@

# assigned.def: FIRST TAB LAST (hex), one range of code points a line.
$(FTG)/assigned.h: $(FT)/assigned.def
	@mkdir -p $(@D)
	awk -F '\t' '/^#/ || NF == 0 { next } \
	    { printf "{0x%s, 0x%s},\n", $$1, $$2 }' $(FT)/assigned.def > $@.tmp
	mv $@.tmp $@

$(O)/$(FT)/%.o: $(FT)/%.c $(LIBHDR) $(FT)/*.h $(FTG)/codepages.h \
    $(FTG)/assigned.h config.mk | deps-ok
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(XCFLAGS) -I$(FT) -I$(FTG) -c -o $@ $<

$(B)/fix-text: $(FT_OBJ) $(LIBA)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(FT_OBJ) $(LIBA) $(PCRE2_LIBS) $(THREAD_FLAGS)

# Every generated header (lint and the fuzz targets make them first).
GEN = $(O)/gen/htmlent_table.h $(O)/gen/extract-quotes/words.h \
	$(O)/gen/extract-amounts/currencies.h $(HTG)/elements-gen.h $(HT_GEN) \
	$(SSG)/words.h $(XDG)/words.c $(O)/gen/declutter/words.h \
	$(O)/gen/declutter/builtin.rules.h $(FTG)/codepages.h \
	$(FTG)/assigned.h
gen: $(GEN)

# A filter that is a folder, filters/NAME/ with main.c: its *.c files are
# compiled as one translation unit (a generated NAME.c that includes them
# all, with WINNOW_UNITY defined: a part's header may then make what the
# parts share static, as SQLite's amalgamation does, so that the compiler
# inlines what it would inline in one file), so calls between its parts
# cost what calls inside one file do; the
# headers made from its data files are build/gen/NAME/*.  A folder with a
# link rule of its own (html-text, extract-dates, fix-text above) is left
# out.
OWN_RULES = extract-dates fix-text html-text
DIRFILTERS = $(filter-out $(OWN_RULES), \
	$(patsubst filters/%/main.c,%,$(wildcard filters/*/main.c)))

define dir_filter
$(O)/filters/$(1).c: $(wildcard filters/$(1)/*.c) Makefile
	@mkdir -p $$(@D)
	printf '#include "%s"\n' $(wildcard filters/$(1)/*.c) >$$@

$(O)/filters/$(1).o: $(O)/filters/$(1).c $(wildcard filters/$(1)/*.[ch]) \
    $(filter $(O)/gen/$(1)/%,$(GEN)) $(LIBHDR) config.mk | deps-ok
	$$(CC) $$(CFLAGS) $$(XCFLAGS) -DWINNOW_UNITY -I. -Ifilters/$(1) -c -o $$@ \
	    $(O)/filters/$(1).c

# Its unit test, if any, sees all of it (its main renamed by the test).
$(O)/unit/$(1)_test: tests/unit/$(1)_test.c tests/unit/unit.h \
    $(O)/filters/$(1).o $(LIBA)
	@mkdir -p $$(@D)
	$$(CC) $$(CFLAGS) $$(XCFLAGS) -I. -Ifilters/$(1) -I$(O)/filters \
	    -Itests/unit $$(LDFLAGS) -o $$@ $$< $$(LIBA) $$(PCRE2_LIBS) \
	    $$(THREAD_FLAGS)
endef
$(foreach f,$(DIRFILTERS),$(eval $(call dir_filter,$(f))))

$(LIBA): $(LIBOBJ)
	rm -f $@
	ar rcs $@ $(LIBOBJ)

$(B)/%: $(O)/filters/%.o $(LIBA)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(LIBA) $(PCRE2_LIBS) $(THREAD_FLAGS)


$(O)/unit/%_test: tests/unit/%_test.c tests/unit/unit.h $(LIBHDR) $(LIBA)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(XCFLAGS) -Itests/unit $(LDFLAGS) -o $@ $< $(LIBA) $(PCRE2_LIBS) $(THREAD_FLAGS)

units: $(UNITBIN)

# The README's two commands: they install what the build needs first.
check:
	@sh scripts/install-deps --if-missing
	@$(MAKE) --no-print-directory test

demo:
	@sh scripts/install-deps --if-missing
	@$(MAKE) --no-print-directory all
	@sh scripts/demo $(B)

test: all units
	@WINNOW_BIN=$(B) WINNOW_UNIT=$(O)/unit WRAP="$(WRAP)" \
	    WINNOW_SANITIZED="$(SANITIZED)" WINNOW_SKIP_HUGE="$(SKIP_HUGE)" \
	    sh tests/run.sh

ASAN_FLAGS = -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all \
	-fno-omit-frame-pointer
asan:
	@sh scripts/install-deps --if-missing
	@$(MAKE) --no-print-directory O=build/asan B=build/asan/bin \
	    CFLAGS="$(ASAN_FLAGS)" LDFLAGS="$(ASAN_FLAGS)" SANITIZED=1 test
	@if command -v clang >/dev/null 2>&1; then \
		$(MAKE) --no-print-directory ubsan; \
	else \
		echo "asan: clang not installed: the clang UBSan run skipped"; \
	fi

# clang's UndefinedBehaviorSanitizer over the whole suite (make asan runs
# it too): it reports what gcc's does not, such as NULL + 0 (issue 16);
# extract-quotes' reading thread starts at the first line.
UBSAN_FLAGS = -O1 -g -fsanitize=undefined -fno-sanitize-recover=all \
	-fno-omit-frame-pointer
ubsan:
	@sh scripts/install-deps --if-missing
	@WINNOW_READAHEAD=0 $(MAKE) --no-print-directory CC=clang \
	    O=build/ubsan B=build/ubsan/bin CFLAGS="$(UBSAN_FLAGS)" \
	    LDFLAGS="$(UBSAN_FLAGS)" SANITIZED=1 test

# ThreadSanitizer (clang) over the whole suite, extract-quotes' reading
# thread started at the first line of every document.
TSAN_FLAGS = -O1 -g -fsanitize=thread
tsan:
	@sh scripts/install-deps --if-missing
	@WINNOW_READAHEAD=0 TSAN_OPTIONS="halt_on_error=1 exitcode=66" \
	    $(MAKE) --no-print-directory CC=clang O=build/tsan B=build/tsan/bin \
	    CFLAGS="$(TSAN_FLAGS)" LDFLAGS="$(TSAN_FLAGS)" SANITIZED=1 test

valgrind:
	@$(MAKE) --no-print-directory O=build/vg B=build/vg/bin \
	    WRAP="env WINNOW_NO_JIT=1 valgrind -q --error-exitcode=99 --leak-check=full" \
	    SANITIZED=1 SKIP_HUGE=1 test

bench: all
	@python3 scripts/bench

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)
	for f in $(FILTERS); do \
		install -m 755 $(B)/$$f $(DESTDIR)$(BINDIR)/$$f && \
		install -m 644 filters/$$f.1 $(DESTDIR)$(MANDIR)/$$f.1 || exit 1; \
	done
	for s in $(SCRIPTS); do \
		install -m 755 scripts/$$s $(DESTDIR)$(BINDIR)/$$s || exit 1; \
	done

uninstall:
	for f in $(FILTERS); do \
		rm -f $(DESTDIR)$(BINDIR)/$$f $(DESTDIR)$(MANDIR)/$$f.1; \
	done
	for s in $(SCRIPTS); do rm -f $(DESTDIR)$(BINDIR)/$$s; done

format:
	clang-format -i lib/*.[ch] $(wildcard filters/*.c filters/*/*.[ch]) \
	    tests/unit/*.[ch]

lint:
	@sh scripts/lint

clean:
	rm -rf build bin tests/out

.SECONDARY:

.PHONY: all deps-ok gen units check demo test asan ubsan tsan valgrind bench install \
	uninstall format lint clean

# libFuzzer targets (clang): `make fuzz FUZZ_SECONDS=300`.
FUZZ_SECONDS = 60
fuzz:
	@sh scripts/fuzz -t $(FUZZ_SECONDS)
.PHONY: fuzz
