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

# A filter that is a folder, filters/NAME/ with main.c, needs no rule of
# its own: its *.c files are compiled as one translation unit (a generated
# NAME.c that includes them all, with WINNOW_UNITY defined: a part's header
# may then make what the parts share static, as SQLite's amalgamation
# does, so that the compiler inlines what it would inline in one file), so
# calls between its parts cost what calls inside one file do.  Its data
# files become headers under $(O)/gen/NAME/ (included as "NAME/X.h" or,
# with -I$(O)/gen/NAME, "X.h"), by their kind:
#   words/*.words  one header, words.h (scripts/words2c: a list a file,
#                  one word a line, # comments); a folder with a
#                  words2c.awk of its own (extract-dates: "word value"
#                  rows, one lexicon class a file) keeps its *.words
#                  beside the parts and makes words.h with that
#   X.rules        X.rules.h, every line a C string (the rule below)
#   X.def          X.h, through the folder's own X.awk when it has one,
#                  else scripts/def2c (its rows, as currencies.def has)
# Every folder with a main.c is built by this rule.  LIBS_NAME: what
# filter NAME links besides (extract-dates: libm, for the new moons of
# its calendar).
LIBS_extract-dates = -lm

# Profile-guided optimisation.  A filter NAME with PGO_TRAIN_NAME (input
# files of the project) is compiled with -fprofile-generate, run over
# them (PGO_RUN_NAME: its options), and compiled again with the counts of
# that run, so that gcc lays out the branches and inlines the calls the
# way the text goes: extract-dates' parser tries some forty readings at
# each head, most of which give up at once, and the counts of its own
# labelled sentences and golden inputs tell gcc which ("this year" never
# goes past the first test of holiday_at()).  On 10 MB of news it runs
# 11% fewer instructions and about 10% less processor time, output the
# same.  Only with gcc, and not in the sanitizer or -Werror (lint) builds,
# which check the code as written; PGO=0 turns it off.
PGO_TRAIN_extract-dates = $(wildcard tests/extract-dates/labelled.txt) \
	$(sort $(wildcard tests/extract-dates/*.in)) $(sort $(wildcard samples/*.txt))
PGO_RUN_extract-dates = --ref=2025-03-10
PGO_GCC != $(CC) -v 2>&1 | grep -q '^gcc version' && echo 1 || echo 0
ifeq ($(origin PGO),undefined)
PGO = $(if $(SANITIZED)$(WERROR),0,$(PGO_GCC))
endif
# Whether filter $(1) is built with a profile.
pgo = $(and $(PGO_TRAIN_$(1)),$(filter 1,$(PGO)))
DIRFILTERS = $(patsubst filters/%/main.c,%,$(wildcard filters/*/main.c))

# The headers made from the data files of folder $(1).
dir_gen = $(if $(strip $(call dir_words,$(1))),$(O)/gen/$(1)/words.h) \
	$(patsubst filters/$(1)/%,$(O)/gen/$(1)/%.h, \
	    $(wildcard filters/$(1)/*.rules)) \
	$(patsubst filters/$(1)/%.def,$(O)/gen/$(1)/%.h, \
	    $(wildcard filters/$(1)/*.def))

# The script that makes folder $(1)'s words.h, then its word lists.
dir_words = $(if $(wildcard filters/$(1)/words2c.awk), \
	filters/$(1)/words2c.awk $(wildcard filters/$(1)/*.words), \
	$(if $(wildcard filters/$(1)/words/*.words), \
	    scripts/words2c $(wildcard filters/$(1)/words/*.words)))

# Every generated header (lint and the fuzz targets make them first).
GEN = $(O)/gen/htmlent_table.h \
	$(foreach f,$(DIRFILTERS),$(call dir_gen,$(f)))
gen: $(GEN)

define dir_filter
$(O)/gen/$(1)/words.h: $(call dir_words,$(1))
	@mkdir -p $$(@D)
	awk -f $(strip $(call dir_words,$(1))) >$$@.t
	mv $$@.t $$@

$(O)/gen/$(1)/%.h: filters/$(1)/%.def scripts/def2c \
    $(wildcard filters/$(1)/*.awk)
	@mkdir -p $$(@D)
	if [ -f filters/$(1)/$$*.awk ]; then \
		awk -f filters/$(1)/$$*.awk $$< >$$@.t; \
	else \
		awk -f scripts/def2c $$< >$$@.t; \
	fi
	mv $$@.t $$@

$(O)/filters/$(1).c: $(wildcard filters/$(1)/*.c) Makefile
	@mkdir -p $$(@D)
	printf '#include "%s"\n' $(wildcard filters/$(1)/*.c) >$$@

$(O)/filters/$(1).o: $(O)/filters/$(1).c $(wildcard filters/$(1)/*.[ch]) \
    $(call dir_gen,$(1)) $(LIBHDR) config.mk \
    $(if $(call pgo,$(1)),$(LIBA) $(PGO_TRAIN_$(1))) | deps-ok
	$(if $(call pgo,$(1)),rm -f $(O)/filters/$(1).gcda)
	$(if $(call pgo,$(1)),$$(CC) $$(CFLAGS) $$(XCFLAGS) -DWINNOW_UNITY \
	    -I. -Ifilters/$(1) -I$(O)/gen/$(1) -fprofile-generate \
	    -fprofile-update=single -c -o $$@ $(O)/filters/$(1).c)
	$(if $(call pgo,$(1)),$$(CC) $$(CFLAGS) $$(LDFLAGS) -fprofile-generate \
	    -o $(O)/filters/$(1).train $$@ $$(LIBA) $$(PCRE2_LIBS) \
	    $$(THREAD_FLAGS) $(LIBS_$(1)))
	$(if $(call pgo,$(1)),$(O)/filters/$(1).train $(PGO_RUN_$(1)) \
	    $(PGO_TRAIN_$(1)) >/dev/null)
	$$(CC) $$(CFLAGS) $$(XCFLAGS) -DWINNOW_UNITY -I. -Ifilters/$(1) \
	    -I$(O)/gen/$(1) $(if $(call pgo,$(1)),-fprofile-use \
	    -fprofile-partial-training -Wno-missing-profile) \
	    -c -o $$@ $(O)/filters/$(1).c

# Its unit test, if any, sees all of it (its main renamed by the test).
$(O)/unit/$(1)_test: tests/unit/$(1)_test.c tests/unit/unit.h \
    $(O)/filters/$(1).o $(LIBA)
	@mkdir -p $$(@D)
	$$(CC) $$(CFLAGS) $$(XCFLAGS) -I. -Ifilters/$(1) -I$(O)/gen/$(1) \
	    -I$(O)/filters -Itests/unit $$(LDFLAGS) -o $$@ $$< $$(LIBA) \
	    $$(PCRE2_LIBS) $$(THREAD_FLAGS) $(LIBS_$(1))
endef
$(foreach f,$(DIRFILTERS),$(eval $(call dir_filter,$(f))))

$(LIBA): $(LIBOBJ)
	rm -f $@
	ar rcs $@ $(LIBOBJ)

$(B)/%: $(O)/filters/%.o $(LIBA)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(LIBA) $(PCRE2_LIBS) $(THREAD_FLAGS) \
	    $(LIBS_$*)


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
# it too): it reports what gcc's does not, such as NULL + 0;
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
