#pragma once
// The shapes of lines in minutes and slides: headings, finished and dangling sentences, label
// lines (private to the library). The text reader uses them to rebuild paragraphs from lines
// that extraction broke; the extractor to tell headings about actions from other headings.

#include <string>
#include <string_view>
#include <vector>

namespace libtracker::detail {

/// Headings are short.
inline constexpr std::size_t max_heading_bytes = 80;
inline constexpr std::size_t max_heading_words = 10;

/// @p text with runs of whitespace as single spaces, trimmed.
std::string collapse(std::string_view text);

/// The words of @p text, split at whitespace.
std::vector<std::string> split_words(std::string_view text);

/// Articles, prepositions and conjunctions ("of", "the", "and").
bool is_small_word(std::string_view lower_word);

/// True when @p lower_text holds @p phrase starting and ending at word boundaries.
bool has_word_phrase(std::string_view lower_text, std::string_view phrase);

/// A short line in title case without closing punctuation: "Review Open Action Items (1 of 3)",
/// "Additional Information", "## Next steps".
bool is_title_line(std::string_view content);

/// A line that reads as a heading on its own: a title line, a few words without closing
/// punctuation ("Next steps", "ACTION ITEMS", "Action items (3)"), or a short line ending in a
/// colon ("Decisions reached:").
bool is_heading_shape(std::string_view content);

/// True when @p text ends a sentence or announces what follows.
bool ends_sentence(std::string_view text);

/// True when @p text stops in a way that must go on: a comma, "in", "of", "and".
bool ends_dangling(std::string_view text);

/// The length of a "Label:" at the start of @p content (one to three words, then a colon and
/// more text), or 0. "Status: done" and "Action item (Denise): ..." are labelled; "Note that
/// the: list" is not.
std::size_t label_length(std::string_view content);

/// The heading text without Markdown marks ("## ", "**...**") and a trailing colon.
std::string heading_text(std::string_view content);

}  // namespace libtracker::detail
