// Names 按姓氏笔画: ordered by the strokes of the surname, as ICU's
// `zh@collation=stroke` orders them (SPEC §6).
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace exemplar {

class NameOrder {
public:
    NameOrder();
    ~NameOrder();
    NameOrder(const NameOrder&) = delete;
    NameOrder& operator=(const NameOrder&) = delete;

    // <0, 0, >0 like strcmp; ties broken by nothing (callers add their own).
    int compare(std::string_view a, std::string_view b) const;
    bool less(std::string_view a, std::string_view b) const { return compare(a, b) < 0; }

    // A byte string whose byte order is the stroke order (for sorting many names).
    std::string sort_key(std::string_view name) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace exemplar
