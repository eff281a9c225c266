#include "core/error.h"

#include "core/translate.h"

namespace exemplar {

namespace {
std::string first_message(const std::vector<Diagnostic>& diagnostics) {
    return diagnostics.empty() ? std::string("input refused") : diagnostics.front().to_string();
}
}  // namespace

InputRefused::InputRefused(std::vector<Diagnostic> diagnostics)
    : Refused(first_message(diagnostics)), diagnostics_(std::move(diagnostics)) {}

InputRefused::InputRefused(Diagnostic diagnostic)
    : InputRefused(std::vector<Diagnostic>{std::move(diagnostic)}) {}

Cancelled::Cancelled() : Error(tr({"操作已取消", "cancelled"})) {}

}  // namespace exemplar
