/*
 * options.h - html-text's options, set by main.c, read by the parts.
 */
#ifndef HTMLTEXT_OPTIONS_H
#define HTMLTEXT_OPTIONS_H

struct options {
	int main;            /* --main: the article only */
	int title;           /* --title: the <title> first */
	int alt;             /* --alt: image alt text in brackets */
	const char *charset; /* --charset: iconv name of the default */
	int explain;         /* --explain: every block with its verdict */
	int list_words;      /* --list-words: print the word lists, exit */
};

extern struct options opt;

#endif
