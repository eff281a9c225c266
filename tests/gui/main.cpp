// GoogleTest main for the GUI tests: starts wx (in Chinese, so screenshots
// show the real interface), runs the tests, shuts wx down.
#include <gtest/gtest.h>

#include <wx/app.h>
#include <wx/init.h>

#include "gui/app.h"
#include "gui/appearance.h"
#include "gui/error_dialog.h"

namespace {

class TestApp : public wxApp {
public:
    bool OnInit() override {
        exemplar::gui::init_ui();
        exemplar::gui::apply_language(exemplar::Language::chinese);
        return true;
    }
    bool OnExceptionInMainLoop() override {
        exemplar::gui::show_error(nullptr, std::current_exception());
        return true;
    }
};

}  // namespace

int main(int argc, char** argv) {
    ::testing::InitGoogleTest(&argc, argv);
    wxApp::SetInstance(new TestApp);
    if (!wxEntryStart(argc, argv) || !wxTheApp || !wxTheApp->CallOnInit()) {
        std::fprintf(stderr, "cannot start wxWidgets (is there an X display?)\n");
        return 1;
    }
    const int result = RUN_ALL_TESTS();
    wxTheApp->OnExit();
    wxEntryCleanup();
    return result;
}
