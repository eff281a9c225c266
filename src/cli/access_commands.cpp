#include "cli/access_commands.h"

#include <iostream>

#include "cli/database_option.h"
#include "cli/progress_bar.h"
#include "core/access_codes.h"
#include "core/cycle_store.h"
#include "core/error.h"
#include "core/translate.h"

namespace exemplar::cli {

int access_codes(const std::string& database, const std::string& cycle_name, const std::string& out, const std::string& rater) {
    Database db = open_existing(database);
    const Cycle cycle = load_cycle(db, cycle_name);
    std::optional<std::size_t> only;
    if (!rater.empty()) {
        only = cycle.member_by_code(rater);
        if (!only) throw Refused(tr({"测评周期“{0}”中没有工号为“{1}”的人员", "no one with the id '{1}' is in the cycle '{0}'"}, cycle.name, rater));
    }
    ProgressBar bar;
    const auto codes = issue_access_codes(db, cycle, only, &bar);
    bar.finish();
    write_access_slips(out, cycle, codes);
    std::cout << tr({"已生成 {0} 个登录码（旧码作废），登录条：{1}", "{0} access codes issued (earlier ones no longer work); slips: {1}"}, codes.size(), out)
              << '\n';
    return 0;
}

}  // namespace exemplar::cli
