// An RFC 4180 CSV reader over text held in memory: comma separated, fields
// optionally quoted ("" for a quote inside), CRLF, LF or CR line ends, a
// UTF-8 byte order mark ignored. Fields are views into the text (or into the
// reader's own buffer for quoted fields holding ""), valid until next().
//
// Cell problems (invalid UTF-8, control characters, cells over 32,767
// characters) are collected and reading goes on; a quote that never closes or
// text after a closing quote stops reading. Records are counted, not lines:
// a quoted field may span lines.
//   CsvReader csv(text);
//   std::vector<std::string_view> fields;
//   while (csv.next(fields)) use(csv.record_number(), fields);
//   for (auto& p : csv.problems()) report(p.record, p.field, p.message);
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace exemplar {

struct CsvProblem {
    std::size_t record = 0;  // 1-based
    std::size_t field = 0;   // 1-based
    std::string message;
};

inline constexpr std::size_t max_cell_characters = 32767;

class CsvReader {
public:
    explicit CsvReader(std::string_view text);

    // The next record; false at the end of the text or after a problem that stops reading.
    bool next(std::vector<std::string_view>& fields);
    // The same, the fields appended after those already in `fields`.
    bool append_next(std::vector<std::string_view>& fields);
    // True when a field of the record last read views the reader's own buffer
    // (a quoted field holding ""): valid only until the next record.
    bool record_uses_buffer() const { return !escaped_fields_.empty(); }

    std::size_t record_number() const { return record_; }  // of the record last read
    // True when a cell of the record last read had a problem (its values are not to be trusted).
    bool record_has_problems() const { return !problems_.empty() && problems_.back().record == record_; }
    const std::vector<CsvProblem>& problems() const { return problems_; }
    bool stopped() const { return stopped_; }
    // Bytes consumed so far (for progress).
    std::size_t position() const { return pos_; }
    std::size_t size() const { return text_.size(); }

private:
    bool plain_record(std::vector<std::string_view>& fields);
    void check_cell(std::size_t field, std::size_t begin, std::size_t end, std::string_view value, bool may_hold_controls);
    void problem(std::size_t field, std::string message);

    std::string_view text_;
    std::size_t pos_ = 0;
    std::size_t record_ = 0;
    // The text is checked for UTF-8 as reading goes: up to checked_to_, where
    // the first invalid byte from there on is, if any.
    bool invalid_before(std::size_t end);
    std::size_t checked_to_ = 0;
    std::optional<std::size_t> invalid_utf8_;
    std::string buffer_;                        // unescaped quoted fields
    struct EscapedField {  // a quoted field holding "": its text is in buffer_
        std::size_t field;
        std::size_t offset;
        std::size_t length;
    };
    std::vector<EscapedField> escaped_fields_;
    std::vector<CsvProblem> problems_;
    bool stopped_ = false;
};

}  // namespace exemplar
