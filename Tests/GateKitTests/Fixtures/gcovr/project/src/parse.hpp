#pragma once
#include <string>
int parse_digit(char c);
int parse_number(const std::string& text);
const char* describe(int kind);
int unused_helper(int value);
