/*
 * phone.h - does a text look like a Chinese phone number?  plaint's own
 * format for complainant.phone (a policy may set another, or none:
 * formats: in plaint-policy(5), which lists exactly what is accepted).
 *
 * Digits in groups separated by one space or hyphen, after an optional
 * +86, making one of:
 *	a mobile	1[3-9] and 9 more digits (11 in all)
 *	a landline	area code 010 or 02X and 8 digits, or a 4-digit
 *			area code 0[3-9]XX and 7 or 8 digits; after +86
 *			the area code's 0 may be left out
 *	a service line	95 and 3 or 4 digits (95598), 400 or 800 and
 *			7 digits (400-123-4567)
 * A landline or a 400/800 number may end with an extension of 1 to 6
 * digits: after 转, ext, x or #, or as a last group of its own
 * (010-12345678-123).
 */
#ifndef PLAINT_PHONE_H
#define PLAINT_PHONE_H

int phone_cn_valid(const char *s);

#endif
