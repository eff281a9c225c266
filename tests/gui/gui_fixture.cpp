#include "gui_fixture.h"

#include <wx/app.h>
#include <wx/bitmap.h>
#include <wx/dcmemory.h>
#include <wx/dcscreen.h>
#include <wx/dialog.h>
#include <wx/msgdlg.h>
#include <wx/notebook.h>
#include <wx/textctrl.h>
#include <wx/stopwatch.h>
#include <wx/utils.h>

#include "core/cycle_store.h"
#include "core/roster_import.h"
#include "core/schema.h"
#include "core/table_reader.h"
#include "gui/compat.h"
#include "gui/results_page.h"
#include "support/office.h"

namespace exemplar::gui::testing {

int DialogScript::Enter(wxDialog* dialog) {
    ++shown;
    if (steps.empty()) {
        std::string text = from_wx(dialog->GetTitle());
        if (auto* message = dynamic_cast<wxMessageDialogBase*>(dialog))
            text += ": " + from_wx(message->GetMessage()) + " " + from_wx(message->GetExtendedMessage());
        unexpected.push_back(text);
        return wxID_CANCEL;
    }
    Step step = std::move(steps.front());
    steps.pop_front();
    return step(dialog);
}

void GuiTest::SetUp() {
    db_path = dir.path() / "office.db";
    {
        Database db = Database::open(db_path, Database::Mode::create);
        migrate(db);
        auto roster = csv_table("roster.csv", exemplar::testing::office_roster);
        import_roster(db, *roster);
        create_cycle(db, "2026年度", EXEMPLAR_SOURCE_DIR "/templates/plans/annual.yaml");
        cycle = load_cycle(db, "2026年度");
        codes = issue_access_codes(db, cycle);
    }
    dialogs.Register();
    frame = new MainFrame(db_path);
    frame->SetPosition(wxPoint(0, 0));
    frame->Show();
    frame->Raise();
    ASSERT_TRUE(wait_for([&] { return frame->IsShownOnScreen(); }));
    pump(100);
}

void GuiTest::TearDown() {
    if (frame) frame->Destroy();
    pump(50);
    dialogs.Unregister();
    EXPECT_TRUE(dialogs.unexpected.empty()) << dialogs.unexpected.front();
}

void GuiTest::pump(int ms) {
    wxStopWatch watch;
    do {
        wxTheApp->Yield(true);
        wxTheApp->ProcessPendingEvents();
        wxTheApp->ProcessIdle();
        wxMilliSleep(2);
    } while (watch.Time() < ms);
}

bool GuiTest::wait_for(const std::function<bool()>& done, int timeout_ms) {
    wxStopWatch watch;
    while (!done()) {
        if (watch.Time() > timeout_ms) return false;
        pump(10);
    }
    return true;
}

void GuiTest::click(wxWindow* window) {
    ASSERT_NE(window, nullptr);
    const wxRect rect = window->GetScreenRect();
    sim.MouseMove(rect.GetLeft() + rect.GetWidth() / 2, rect.GetTop() + rect.GetHeight() / 2);
    pump(20);
    sim.MouseClick();
    pump(30);
}

void GuiTest::key(int keycode, int modifiers) {
    sim.Char(keycode, modifiers);
    pump(8);
}

void GuiTest::type(const std::string& ascii) {
    sim.Text(ascii.c_str());
    pump(20);
}

std::size_t GuiTest::member(const std::string& code) const { return *cycle.member_by_code(code); }

std::string GuiTest::code_of(const std::string& staff_code) const {
    for (const IssuedCode& issued : codes)
        if (issued.member == member(staff_code)) return issued.code;
    return {};
}

void GuiTest::sign_in(const std::string& staff_code, const std::string& access_code) {
    click(find<wxWindow>("search"));
    type(staff_code);
    click(find<wxWindow>("access_code"));
    std::string lower = access_code;  // codes ignore case; the simulator types lower case only
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    type(lower);
    key(WXK_RETURN);
    pump(50);
}

ResultsPage* GuiTest::open_results_tab(const std::string& password) {
    dialogs.steps.push_back([password](wxDialog* dialog) {
        dynamic_cast<wxTextCtrl*>(dialog->FindWindow("password"))->SetValue(to_wx(password));
        return wxID_OK;
    });
    click(find<wxWindow>("hr"));
    EXPECT_TRUE(wait_for([&] { return frame->page() == Page::hr; }));
    auto* page = find<ResultsPage>("results_page");
    if (page == nullptr) return nullptr;
    auto* tabs = dynamic_cast<wxNotebook*>(page->GetParent());
    if (tabs != nullptr) tabs->SetSelection(static_cast<std::size_t>(tabs->FindPage(page)));
    return page;
}

Database GuiTest::check_db() const { return Database::open(db_path, Database::Mode::read_only); }

void GuiTest::screenshot(const std::string& name) const {
    pump(150);
    frame->Update();
    const wxRect rect = frame->GetScreenRect();
    wxBitmap bitmap(rect.GetWidth(), rect.GetHeight(), 24);
    {
        wxScreenDC screen;
        wxMemoryDC memory(bitmap);
        memory.Blit(0, 0, rect.GetWidth(), rect.GetHeight(), &screen, rect.GetLeft(), rect.GetTop());
    }
    const std::filesystem::path folder = EXEMPLAR_GUI_SCREENSHOT_DIR;
    std::filesystem::create_directories(folder);
    const std::filesystem::path file = folder / (name + ".png");
    ASSERT_TRUE(bitmap.SaveFile(to_wx(file.string()), wxBITMAP_TYPE_PNG));
}

}  // namespace exemplar::gui::testing
