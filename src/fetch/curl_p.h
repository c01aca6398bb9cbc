/*
** curl_p.h: private to src/fetch: libcurl, loaded on first use.
**
** factcross is not linked against libcurl: the library and the ~30
** libraries it pulls in (TLS, Kerberos, LDAP, SASL, IDN, ...) cost every
** command ~6-8 ms of CPU for mapping and relocating them (an empty
** program linked against them: ~8-11 ms, without them ~1.5-3.5 ms), a
** tenth or more of the start-up of `factcross normalize`, which never
** fetches. The fetch path loads it with dlopen on its first request
** (fc_curl_get); the functions come typed from <curl/curl.h>, so a call
** through the table is checked as a direct call would be.
*/
#ifndef FACTCROSS_CURL_P_H
#define FACTCROSS_CURL_P_H

#include <stddef.h>

#include <curl/curl.h>

#define FC_CURL_SONAME "libcurl.so.4"

/* The libcurl functions the fetch path calls (curl_<name>). */
struct fc_curl {
	__typeof__(curl_global_init) *global_init;
	__typeof__(curl_easy_init) *easy_init;
	__typeof__(curl_easy_setopt) *easy_setopt;
	__typeof__(curl_easy_perform) *easy_perform;
	__typeof__(curl_easy_getinfo) *easy_getinfo;
	__typeof__(curl_easy_cleanup) *easy_cleanup;
	__typeof__(curl_easy_strerror) *easy_strerror;
	__typeof__(curl_slist_append) *slist_append;
	__typeof__(curl_slist_free_all) *slist_free_all;
	__typeof__(curl_url) *url;
	__typeof__(curl_url_set) *url_set;
	__typeof__(curl_url_get) *url_get;
	__typeof__(curl_url_cleanup) *url_cleanup;
	__typeof__(curl_url_strerror) *url_strerror;
	__typeof__(curl_free) *free;
};

/*
** libcurl's functions, the library loaded on the first call (once per
** process, from any thread); NULL when it cannot be loaded or lacks a
** function, with the reason in why (cap bytes).
*/
const struct fc_curl *fc_curl_get(char *why, size_t cap);

#endif
