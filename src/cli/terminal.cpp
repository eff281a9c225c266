#include "cli/terminal.h"

#include <iostream>

#include "core/error.h"
#include "core/translate.h"

namespace exemplar::cli {

void print_diagnostics(const std::vector<Diagnostic>& diagnostics) {
    for (const std::string& line : format_diagnostics(diagnostics)) std::cerr << line << '\n';
    std::cerr.flush();
}

void print_error(const std::string& message) {
    std::cerr << "exemplar: " << message << '\n';
    std::cerr.flush();
}

int run_guarded(const std::function<int()>& command) {
    try {
        return command();
    } catch (const InputRefused& refused) {
        print_diagnostics(refused.diagnostics());
        return exit_refused;
    } catch (const UsageError& error) {
        print_error(error.what());
        return exit_usage;
    } catch (const Cancelled& cancelled) {
        print_error(cancelled.what());
        return exit_refused;
    } catch (const std::bad_alloc&) {
        print_error(tr({"内存不足", "out of memory"}));
        return exit_refused;
    } catch (const std::exception& error) {
        print_error(error.what());
        return exit_refused;
    }
}

}  // namespace exemplar::cli
