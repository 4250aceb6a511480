#pragma once
/// @file email_address.hpp
/// E-mail addresses of owners: checked once, when they enter the store, so that every message
/// header built from them is safe.

#include <string>
#include <string_view>

namespace libtracker {

/// Checks an address in the plain `local@domain` form and returns it without surrounding
/// spaces. The local part is a dot-atom (letters, digits and ! # $ % & ' * + - / = ? ^ _ ` { | }
/// ~, dots between them), at most 64 bytes; the domain is two or more labels of letters, digits
/// and inner hyphens, at most 253 bytes. Only ASCII: an address with other characters
/// (which would need SMTPUTF8) is refused, as are display names ("Name <a@b>"), quoted local
/// parts, comments, spaces and line breaks.
/// @throw ParseError naming the address and the position of the first problem.
std::string parse_email_address(std::string_view text);

}  // namespace libtracker
