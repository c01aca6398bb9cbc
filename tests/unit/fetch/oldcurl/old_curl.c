/*
** old_curl.c: a libcurl.so.4 with every function factcross calls but one
** that refuses CURLOPT_PROTOCOLS_STR and CURLOPT_REDIR_PROTOCOLS_STR, as
** libcurl before 7.85 does, for unit.fetch.curl_old: a fetch must then
** fail before any transfer, not go on without the restriction to http and
** https. Its URL functions know just enough to pass the URL check.
** With OLD_CURL_INIT_FAILS in the environment its curl_global_init fails,
** for unit.fetch.curl_init: then nothing may be fetched either.
*/
#define CURL_DISABLE_TYPECHECK
#include <curl/curl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

int old_curl_performed(void);
int old_curl_inits(void);

static int performed; /* transfers started: must stay 0 */
static int inits;     /* curl_global_init calls: must be 1 */

int old_curl_performed(void)
{
	return performed;
}

int old_curl_inits(void)
{
	return inits;
}

CURLcode curl_global_init(long flags)
{
	(void)flags;
	inits++;
	return getenv("OLD_CURL_INIT_FAILS") ? CURLE_FAILED_INIT : CURLE_OK;
}

CURL *curl_easy_init(void)
{
	return malloc(1);
}

CURLcode curl_easy_setopt(CURL *h, CURLoption option, ...)
{
	(void)h;
	return option == CURLOPT_PROTOCOLS_STR ||
			       option == CURLOPT_REDIR_PROTOCOLS_STR
		       ? CURLE_UNKNOWN_OPTION
		       : CURLE_OK;
}

CURLcode curl_easy_perform(CURL *h)
{
	(void)h;
	performed++;
	return CURLE_COULDNT_CONNECT;
}

CURLcode curl_easy_getinfo(CURL *h, CURLINFO info, ...)
{
	(void)h;
	(void)info;
	return CURLE_UNKNOWN_OPTION;
}

void curl_easy_cleanup(CURL *h)
{
	free(h);
}

const char *curl_easy_strerror(CURLcode rc)
{
	return rc == CURLE_FAILED_INIT ? "Failed initialization"
				       : "old libcurl";
}

struct curl_slist *curl_slist_append(struct curl_slist *l, const char *s)
{
	struct curl_slist *n = malloc(sizeof(*n));
	if (!n)
		return NULL;
	n->data = strdup(s);
	n->next = l;
	return n;
}

void curl_slist_free_all(struct curl_slist *l)
{
	while (l) {
		struct curl_slist *next = l->next;
		free(l->data);
		free(l);
		l = next;
	}
}

CURLU *curl_url(void)
{
	return malloc(1);
}

CURLUcode curl_url_set(CURLU *u, CURLUPart what, const char *part,
		       unsigned int flags)
{
	(void)u;
	(void)what;
	(void)part;
	(void)flags;
	return CURLUE_OK;
}

CURLUcode curl_url_get(CURLU *u, CURLUPart what, char **part,
		       unsigned int flags)
{
	(void)u;
	(void)flags;
	*part = strdup(what == CURLUPART_SCHEME ? "http" : "127.0.0.1");
	return *part ? CURLUE_OK : CURLUE_OUT_OF_MEMORY;
}

void curl_url_cleanup(CURLU *u)
{
	free(u);
}

const char *curl_url_strerror(CURLUcode rc)
{
	(void)rc;
	return "old libcurl";
}

void curl_free(void *p)
{
	free(p);
}
