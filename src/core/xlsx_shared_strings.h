// The shared string table of a workbook (xl/sharedStrings.xml), loaded once
// into one buffer: each <si> is the text of its <t>, or of all its rich-text
// runs <r><t> joined; phonetic runs <rPh> are left out and _xHHHH_ escapes
// decoded.
//
//   SharedStrings strings = SharedStrings::read(open_part(zip, "xl/sharedStrings.xml"), 5'000'000);
//   std::string_view first = strings.at(0);
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/zip_archive.h"

namespace exemplar {

class SharedStrings {
public:
    // Throws ArchiveProblem for malformed XML, a DOCTYPE, or more than
    // `max_count` strings.
    static SharedStrings read(ZipEntry part, std::size_t max_count);

    std::size_t size() const { return ends_.size(); }
    std::string_view at(std::size_t index) const {
        const std::size_t begin = index == 0 ? 0 : ends_[index - 1];
        return std::string_view(text_).substr(begin, ends_[index] - begin);
    }

private:
    friend class SharedStringsHandler;
    std::string text_;               // every string, one after another
    std::vector<std::size_t> ends_;  // where each string ends in text_
};

}  // namespace exemplar
