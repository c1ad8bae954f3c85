#include "../../lib/json.h"
#include "../../lib/yamlio.h"
#include "unit.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static const struct {
	const char *in, *out;
} strings[] = {
	{ "", "\"\"" },
	{ "plain", "\"plain\"" },
	{ "say \"hi\"", "\"say \\\"hi\\\"\"" },
	{ "C:\\dir", "\"C:\\\\dir\"" },
	{ "a/b", "\"a/b\"" },
	{ "l1\nl2\r\n\tx", "\"l1\\nl2\\r\\n\\tx\"" },
	{ "\x01\x1f", "\"\\u0001\\u001f\"" },
	{ "\x1b[31mred", "\"\\u001b[31mred\"" },
	{ "\x08\x0c", "\"\\u0008\\u000c\"" },
	{ "del\x7f", "\"del\\u007f\"" },
	{ "a\xe2\x80\xa8" "b", "\"a\\u2028b\"" },
	{ "\xe2\x80\xa9", "\"\\u2029\"" },
	{ "\xe2\x80\xa7\xe2\x80\xaa", "\"\xe2\x80\xa7\xe2\x80\xaa\"" },
	{ "张三 抄表员", "\"张三 抄表员\"" },
	{ "😀", "\"😀\"" },
	{ "\xc2\x85", "\"\xc2\x85\"" },
};

/* A plain YAML scalar and what JSON makes of it; "=str" when a string. */
static const struct {
	const char *yaml, *json;
} scalars[] = {
	{ "true", "true" }, { "false", "false" }, { "yes", "true" },
	{ "No", "false" }, { "on", "true" }, { "null", "null" },
	{ "~", "null" }, { "", "null" },
	{ "0", "0" }, { "12", "12" }, { "-3", "-3" }, { "1.5", "1.5" },
	{ "-0.5", "-0.5" }, { "0.25", "0.25" }, { "1e5", "1e5" },
	{ "1.5E-3", "1.5E-3" }, { "2e+10", "2e+10" }, { "-0", "-0" },
	/* Not JSON numbers: strings, never invalid JSON. */
	{ "007", "\"007\"" }, { "-007", "\"-007\"" }, { "00", "\"00\"" },
	{ "0123.5", "\"0123.5\"" }, { "+5", "\"+5\"" }, { "+1.5", "\"+1.5\"" },
	{ ".5", "\".5\"" }, { "-.5", "\"-.5\"" }, { "1.", "\"1.\"" },
	{ "5.e3", "\"5.e3\"" }, { "1e", "\"1e\"" },
	{ "13800000000", "13800000000" },
	{ "complaint", "\"complaint\"" }, { "2611-0001", "\"2611-0001\"" },
	{ ".inf", "\".inf\"" },
};

static const char nested_yaml[] =
    "a: 1\n"
    "b: [x, {c: \"2\", d: [], e: {}}]\n"
    "f: {g: null, \"h\\\"i\": \"yes\"}\n"
    "s: []\n";

static const char nested_compact[] =
    "{\"a\":1,\"b\":[\"x\",{\"c\":\"2\",\"d\":[],\"e\":{}}],"
    "\"f\":{\"g\":null,\"h\\\"i\":\"yes\"},\"s\":[]}";

static const char nested_pretty[] =
    "{\n"
    "  \"a\": 1,\n"
    "  \"b\": [\n"
    "    \"x\",\n"
    "    {\n"
    "      \"c\": \"2\",\n"
    "      \"d\": [],\n"
    "      \"e\": {}\n"
    "    }\n"
    "  ],\n"
    "  \"f\": {\n"
    "    \"g\": null,\n"
    "    \"h\\\"i\": \"yes\"\n"
    "  },\n"
    "  \"s\": []\n"
    "}";

void
suite_json(void)
{
	struct strbuf sb = STRBUF_INIT;
	struct node *n;
	struct perr e;
	size_t i;

	for (i = 0; i < NELEM(strings); i++) {
		strbuf_reset(&sb);
		CHECK(json_add_string(&sb, strings[i].in) == 0);
		CHECK_STR(strbuf_str(&sb), strings[i].out);
	}
	for (i = 0; i < NELEM(scalars); i++) {
		const char *y = scalars[i].yaml;

		n = node_new_scalar(y, strlen(y), 0);
		strbuf_reset(&sb);
		CHECK(json_add_node(&sb, n, -1) == 0);
		CHECK_STR(strbuf_str(&sb), scalars[i].json);
		node_free(n);
		/* Quoted, every one is a string. */
		n = node_new_scalar(y, strlen(y), 1);
		strbuf_reset(&sb);
		json_add_node(&sb, n, 2);
		CHECK(sb.len == strlen(y) + 2 && sb.buf[0] == '"');
		node_free(n);
	}
	perr_clear(&e);
	n = yamlio_parse(nested_yaml, strlen(nested_yaml), "n", &e);
	CHECK(n != NULL);
	if (n != NULL) {
		strbuf_reset(&sb);
		CHECK(json_add_node(&sb, n, -1) == 0);
		CHECK_STR(strbuf_str(&sb), nested_compact);
		strbuf_reset(&sb);
		CHECK(json_add_node(&sb, n, 2) == 0);
		CHECK_STR(strbuf_str(&sb), nested_pretty);
		node_free(n);
	}
	n = node_new_seq();
	strbuf_reset(&sb);
	json_add_node(&sb, n, 4);
	CHECK_STR(strbuf_str(&sb), "[]");
	node_free(n);
	strbuf_release(&sb);
}
