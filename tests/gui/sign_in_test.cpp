// Signing in at the shared computer: staff with their access code, and the
// HR administrator password (set on first start, asked for afterwards).
#include "gui_fixture.h"

#include <map>

#include <wx/dialog.h>
#include <wx/listctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "core/admin_password.h"
#include "core/cycle_report.h"
#include "core/cycle_store.h"
#include "core/demo_answers.h"
#include "core/responses_import.h"
#include "core/table_reader.h"
#include "gui/compat.h"
#include "gui/tasks_panel.h"

namespace exemplar::gui::testing {
namespace {

using GuiSignIn = GuiTest;

// A dialog step that types passwords into the named fields and presses OK.
DialogScript::Step enter(const std::string& first, const std::string& again = {}) {
    return [=](wxDialog* dialog) {
        if (auto* field = dynamic_cast<wxTextCtrl*>(dialog->FindWindow("password"))) field->SetValue(to_wx(first));
        if (auto* field = dynamic_cast<wxTextCtrl*>(dialog->FindWindow("password_again"))) field->SetValue(to_wx(again));
        return wxID_OK;
    };
}

// A database named without a folder (as `exemplar-gui office.db` gives it) is
// created in the working folder, and kept by its full path: the workers that
// open their own connection find it whatever the working folder is later.
TEST_F(GuiSignIn, ADatabaseNamedWithoutAFolderIsCreatedInTheWorkingFolder) {
    const std::filesystem::path before = std::filesystem::current_path();
    std::filesystem::current_path(dir.path());
    struct Back {
        std::filesystem::path folder;
        ~Back() { std::filesystem::current_path(folder); }
    } back{before};
    ASSERT_NO_THROW(frame->open_database("new-office.db", true));
    pump(50);
    EXPECT_TRUE(std::filesystem::exists(dir.path() / "new-office.db"));
    EXPECT_EQ(frame->session().db_path, dir.path() / "new-office.db");
    EXPECT_EQ(frame->page(), Page::sign_in);
}

TEST_F(GuiSignIn, StaffSignInWithTheAccessCode) {
    sign_in("A03", "zzzz-zzzz");  // a wrong code is refused
    auto* message = find<wxStaticText>("message");
    ASSERT_NE(message, nullptr);
    EXPECT_TRUE(wait_for([&] { return !message->GetLabel().empty(); }));
    EXPECT_EQ(frame->page(), Page::sign_in);
    EXPECT_EQ(frame->session().role, Role::nobody);
    EXPECT_TRUE(find<wxTextCtrl>("access_code")->GetValue().empty());

    click(find<wxWindow>("access_code"));
    std::string code = code_of("A03");
    for (char& c : code) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    type(code);
    key(WXK_RETURN);
    ASSERT_TRUE(wait_for([&] { return frame->page() == Page::tasks; }));
    EXPECT_EQ(frame->session().role, Role::staff);
    EXPECT_EQ(frame->session().member, member("A03"));
    // 张一: the self-review and the ballot of the three colleagues of 秘书科.
    auto* panel = dynamic_cast<TasksPanel*>(frame->page_window());
    ASSERT_NE(panel, nullptr);
    ASSERT_EQ(panel->rows().size(), 2u);
    EXPECT_EQ(panel->rows()[0].relation, Relation::self);
    EXPECT_EQ(panel->rows()[1].relation, Relation::peer);
    auto* list = find<wxListCtrl>("tasks");
    EXPECT_EQ(list->GetItemText(0, 1), wxString::FromUTF8("未开始"));

    click(find<wxWindow>("sign_out"));
    ASSERT_TRUE(wait_for([&] { return frame->page() == Page::sign_in; }));
    EXPECT_EQ(frame->session().role, Role::nobody);
}

TEST_F(GuiSignIn, HeadsSeeTheirDepartmentsCompletion) {
    sign_in("A02", code_of("A02"));
    ASSERT_TRUE(wait_for([&] { return frame->page() == Page::tasks; }));
    EXPECT_EQ(frame->session().role, Role::head);
    auto* department = find<wxListCtrl>("department");
    ASSERT_NE(department, nullptr);
    EXPECT_EQ(department->GetItemCount(), 4);  // 李科长, 张一, 赵二, 陈三 (郑六 is inactive)
}

TEST_F(GuiSignIn, HeadsSeeTheirDepartmentsResultsOnceTheCycleIsClosed) {
    {
        Database db = Database::open(db_path, Database::Mode::existing);
        auto answers = csv_table("answers.csv", simulate_answers_csv(cycle, 7));
        import_responses(db, cycle, *answers);
    }
    // While the cycle is open: completion only, no results.
    sign_in("A02", code_of("A02"));
    ASSERT_TRUE(wait_for([&] { return frame->page() == Page::tasks; }));
    EXPECT_NE(find<wxListCtrl>("department"), nullptr);
    EXPECT_EQ(find<wxListCtrl>("department_results"), nullptr);
    click(find<wxWindow>("sign_out"));
    ASSERT_TRUE(wait_for([&] { return frame->page() == Page::sign_in; }));

    {
        Database db = Database::open(db_path, Database::Mode::existing);
        close_cycle(db, "2026年度");
    }
    frame->open_database(db_path, false);  // as File ▸ Open does: the cycle is read again
    pump(50);
    sign_in("A02", code_of("A02"));
    ASSERT_TRUE(wait_for([&] { return frame->page() == Page::tasks; }));
    EXPECT_EQ(frame->session().role, Role::head);
    auto* list = find<wxListCtrl>("department_results");
    ASSERT_NE(list, nullptr);

    const std::string department = cycle.members[member("A02")].department;
    EXPECT_EQ(department, "行署办公室/秘书科");
    const Database db = check_db();
    const auto report = load_cycle_report(db, "2026年度");
    std::map<std::string, const PersonResult*> expected;  // name → result, 秘书科 only
    for (const PersonResult& person : report->results.people)
        if (report->cycle.members[person.member].department == department)
            expected[report->cycle.members[person.member].name] = &person;
    ASSERT_EQ(expected.size(), 4u);  // 李科长, 张一, 赵二, 陈三
    ASSERT_EQ(list->GetItemCount(), 4);
    int with_total = 0;
    for (long row = 0; row < list->GetItemCount(); ++row) {
        const std::string name = from_wx(list->GetItemText(row, 0));
        ASSERT_TRUE(expected.contains(name)) << name;
        const PersonResult& person = *expected[name];
        EXPECT_EQ(list->GetItemText(row, 1), person.total ? wxString::FromCDouble(*person.total, 2) : wxString()) << name;
        EXPECT_EQ(from_wx(list->GetItemText(row, 4)), person.grade.value_or("")) << name;
        EXPECT_EQ(list->GetItemText(row, 5), wxString::Format("%d", person.peer_count)) << name;
        with_total += person.total ? 1 : 0;
        expected.erase(name);
    }
    EXPECT_GT(with_total, 0);
    // Per person only: no column names a rater.
    EXPECT_EQ(list->GetColumnCount(), 7);
}

TEST_F(GuiSignIn, HrPasswordIsSetOnFirstStartThenChecked) {
    const std::string password = "人事处 2026 密码";
    dialogs.steps.push_back(enter("short", "short"));  // too weak: asked again
    dialogs.steps.push_back(enter(password, password + "x"));  // differ: asked again
    dialogs.steps.push_back(enter(password, password));
    click(find<wxWindow>("hr"));
    ASSERT_TRUE(wait_for([&] { return frame->page() == Page::hr; }));
    EXPECT_EQ(dialogs.shown, 3);
    {
        const Database db = check_db();
        EXPECT_TRUE(has_admin_password(db));
        EXPECT_TRUE(check_admin_password(db, password));
    }
    auto* cycles = find<wxListCtrl>("cycles");
    ASSERT_NE(cycles, nullptr);
    ASSERT_EQ(cycles->GetItemCount(), 1);
    EXPECT_EQ(from_wx(cycles->GetItemText(0, 0)), "2026年度");
    EXPECT_EQ(from_wx(cycles->GetItemText(0, 5)).substr(0, 4), "0 / ");

    click(find<wxWindow>("sign_out"));
    ASSERT_TRUE(wait_for([&] { return frame->page() == Page::sign_in; }));
    dialogs.steps.push_back(enter("wrong password"));
    dialogs.steps.push_back([](wxDialog*) { return wxID_CANCEL; });  // refused, then given up
    click(find<wxWindow>("hr"));
    pump(100);
    EXPECT_EQ(frame->page(), Page::sign_in);
    dialogs.steps.push_back(enter(password));
    click(find<wxWindow>("hr"));
    EXPECT_TRUE(wait_for([&] { return frame->page() == Page::hr; }));
    EXPECT_EQ(dialogs.shown, 6);
}

}  // namespace
}  // namespace exemplar::gui::testing
