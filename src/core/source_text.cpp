#include "core/source_text.h"

#include <algorithm>
#include <fstream>
#include <system_error>

#include "core/error.h"
#include "core/translate.h"
#include "core/utf8.h"

namespace exemplar {

SourceText::SourceText(std::string display_name, std::string text)
    : name_(std::move(display_name)), text_(std::move(text)) {
    line_starts_.push_back(0);
    for (std::size_t i = 0; i < text_.size(); ++i)
        if (text_[i] == '\n') line_starts_.push_back(i + 1);
}

SourceText SourceText::read_file(const std::filesystem::path& path, std::size_t max_bytes) {
    const std::string name = path.string();
    const auto refuse = [&](std::string message) {
        throw InputRefused(Diagnostic{name, 1, 1, {}, std::move(message)});
    };
    std::error_code error;
    if (std::filesystem::is_directory(path, error)) refuse(tr({"这是一个文件夹，不是文件", "is a folder, not a file"}));
    const auto size = std::filesystem::file_size(path, error);
    if (error) refuse(tr({"无法读取文件：{0}", "cannot read the file: {0}"}, error.message()));
    if (size > max_bytes)
        refuse(tr({"文件过大（{0} 字节，上限 {1} 字节）", "the file is too large ({0} bytes; the limit is {1})"}, size,
                  max_bytes));
    std::ifstream in(path, std::ios::binary);
    if (!in) refuse(tr({"无法打开文件", "cannot open the file"}));
    std::string text(static_cast<std::size_t>(size), '\0');
    in.read(text.data(), static_cast<std::streamsize>(size));
    text.resize(static_cast<std::size_t>(in.gcount()));
    // A file that grew after we measured it is read only up to the limit; check again.
    if (in.peek() != std::char_traits<char>::eof())
        refuse(tr({"文件在读取时被改变", "the file changed while it was read"}));
    return SourceText(name, std::move(text));
}

SourceText::Position SourceText::position(std::size_t byte_offset) const {
    byte_offset = std::min(byte_offset, text_.size());
    const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), byte_offset);
    const std::size_t line_index = static_cast<std::size_t>(it - line_starts_.begin()) - 1;
    const std::size_t start = line_starts_[line_index];
    const std::string_view before(text_.data() + start, byte_offset - start);
    return {static_cast<int>(line_index + 1), static_cast<int>(utf8_length(before) + 1)};
}

Diagnostic SourceText::at(std::size_t byte_offset, std::string message) const {
    const Position p = position(byte_offset);
    return Diagnostic{name_, p.line, p.column, {}, std::move(message)};
}

Diagnostic SourceText::at(int line, int column, std::string message) const {
    return Diagnostic{name_, line, column, {}, std::move(message)};
}

std::string_view SourceText::line_text(int line) const {
    if (line < 1 || static_cast<std::size_t>(line) > line_starts_.size()) return {};
    const std::size_t start = line_starts_[static_cast<std::size_t>(line - 1)];
    std::size_t end = static_cast<std::size_t>(line) < line_starts_.size()
                          ? line_starts_[static_cast<std::size_t>(line)] - 1
                          : text_.size();
    if (end > start && text_[end - 1] == '\r') --end;
    return std::string_view(text_).substr(start, end - start);
}

}  // namespace exemplar
