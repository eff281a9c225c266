// An aligned table for the terminal: columns padded by display width, so
// Chinese characters (two columns each) line up.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace exemplar::cli {

class TextTable {
public:
    explicit TextTable(std::vector<std::string> header, std::vector<bool> right_aligned = {});
    void add(std::vector<std::string> row);
    void print(std::ostream& out) const;
    bool empty() const { return rows_.empty(); }

private:
    std::vector<std::string> header_;
    std::vector<bool> right_;
    std::vector<std::vector<std::string>> rows_;
};

}  // namespace exemplar::cli
