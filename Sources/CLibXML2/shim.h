#include <libxml/xmlversion.h>
/* libxml2 is built with ICU here, and encoding.h would then include the system <unicode/ucnv.h>,
   whose UErrorCode clashes with Foundation's bundled ICU module in the same Swift module.
   We never touch libxml2's ICU converter fields, so hide that include. */
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
