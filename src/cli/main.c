#include <stdio.h>
#include "factcross/fc.h"
int main(void) { puts(FC_VERSION); return 0; }
