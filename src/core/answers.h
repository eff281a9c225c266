// The answers of one assignment, stored compactly: one byte per item of the
// assignment's form, in the form's item order. 0 = unanswered, k = the k-th
// option of the item's scale (1-based, display order). A form's scale may
// therefore have at most 255 options.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace exemplar {

using AnswerCode = std::uint8_t;
inline constexpr AnswerCode unanswered = 0;
inline constexpr std::size_t max_scale_options = 255;

using AnswerRow = std::vector<AnswerCode>;
using AnswerView = std::span<const AnswerCode>;

// The option index (0-based) of an answer code; call only when answered.
inline std::size_t option_index(AnswerCode code) { return static_cast<std::size_t>(code) - 1; }
inline AnswerCode answer_code(std::size_t option_index) { return static_cast<AnswerCode>(option_index + 1); }

}  // namespace exemplar
