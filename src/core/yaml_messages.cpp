#include "core/yaml_messages.h"

#include <string_view>

#include "core/translate.h"

namespace exemplar {

namespace {
struct Known {
    std::string_view yaml_cpp;  // a prefix of yaml-cpp's message
    Text text;
};

// The messages a form or plan author can meet; yaml-cpp's exceptions.h lists them.
constexpr Known known[] = {
    {"end of map not found", {"映射没有正确结束（检查缩进）", "end of mapping not found (check the indentation)"}},
    {"end of map flow not found", {"缺少右花括号 }}", "missing closing }}"}},
    {"end of sequence not found", {"列表没有正确结束（检查缩进）", "end of list not found (check the indentation)"}},
    {"end of sequence flow not found", {"缺少右方括号 ]", "missing closing ]"}},
    {"illegal map value", {"此处不能出现“键: 值”（检查缩进或给含冒号的文本加引号）",
                           "a 'key: value' is not allowed here (check the indentation, or quote text containing ': ')"}},
    {"illegal map key", {"此处不能出现键", "a key is not allowed here"}},
    {"illegal block entry", {"此处不能出现列表项“- ”（检查缩进）", "a list entry '- ' is not allowed here (check the indentation)"}},
    {"illegal flow end", {"多余的右括号", "unexpected closing bracket"}},
    {"illegal EOF in scalar", {"引号没有闭合", "a quoted text is not closed"}},
    {"illegal character in scalar", {"文本中有不允许的字符", "a character that is not allowed in text"}},
    {"illegal document indicator in scalar", {"文本中不能出现 --- 或 ...", "'---' or '...' inside text"}},
    {"unknown escape character: ", {"未知的转义字符", "unknown escape character"}},
    {"unknown token", {"无法识别的内容", "unknown token"}},
    {"invalid unicode: ", {"无效的 Unicode 转义", "invalid Unicode escape"}},
    {"unexpected character in block scalar", {"多行文本中有意外的字符", "unexpected character in a block scalar"}},
    {"cannot use tabs for indentation", {"缩进中不能使用制表符（Tab）", "tabs cannot be used for indentation"}},
    {"invalid node", {"无效的节点", "invalid node"}},
    {"the referenced anchor is not defined", {"引用的锚点未定义", "the referenced anchor is not defined"}},
};
}  // namespace

std::string describe_yaml_error(const std::string& yaml_cpp_message) {
    for (const Known& known_message : known)
        if (std::string_view(yaml_cpp_message).starts_with(known_message.yaml_cpp)) return tr(known_message.text);
    return yaml_cpp_message;
}

}  // namespace exemplar
