#include <stdexcept>
#include <string>
#include "parse.hpp"

int parse_digit(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    throw std::invalid_argument("not a digit");
}

int parse_number(const std::string& text) {
    int value = 0;
    for (char c : text) {
        value = value * 10 + parse_digit(c);
    }
    return value;
}

const char* describe(int kind) {
    switch (kind) {
    case 0:
        return "zero";
    case 1:
        return "one";
    default:
        return "many";
    }
}

void debug_dump(int value) {  // GCOVR_EXCL_LINE
    (void)value;
}

// GCOVR_EXCL_START
int never_measured(int value) {
    return value * 2;
}
// GCOVR_EXCL_STOP

int unused_helper(int value) {
    return value + 1;
}
