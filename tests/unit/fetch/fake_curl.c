/*
** fake_curl.c: a libcurl.so.4 that is not libcurl (it has none of its
** functions), for unit.fetch.curl_nosym: the fetch path must refuse it
** with a clear error instead of calling through a missing function.
*/
int fake_curl_version(void);

int fake_curl_version(void)
{
	return 0;
}
