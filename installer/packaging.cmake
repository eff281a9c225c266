# Installed files beside the programs, and CPack: `cpack -G DEB` (for
# Debian-based desktops such as UOS and Kylin) and `cpack -G TGZ` in the
# build folder. installer/check-package.sh builds, checks, installs, runs and
# removes the .deb.
set(EXEMPLAR_INSTALLER_DIR "${CMAKE_CURRENT_LIST_DIR}")
set(EXEMPLAR_APP_ID "org.exemplar.Exemplar")

# Man pages and the Debian changelog go compressed (Debian policy).
set(compressed "${CMAKE_BINARY_DIR}/installer")
set(compressed_files)
foreach(source man/exemplar.1 man/exemplar-gui.1 changelog.Debian)
  get_filename_component(name "${source}" NAME)
  add_custom_command(
    OUTPUT "${compressed}/${name}.gz"
    COMMAND ${CMAKE_COMMAND} -E make_directory "${compressed}"
    COMMAND gzip -9nc "${EXEMPLAR_INSTALLER_DIR}/${source}" > "${compressed}/${name}.gz"
    DEPENDS "${EXEMPLAR_INSTALLER_DIR}/${source}"
    VERBATIM)
  list(APPEND compressed_files "${compressed}/${name}.gz")
endforeach()
add_custom_target(exemplar_compressed_docs ALL DEPENDS ${compressed_files})

install(FILES "${compressed}/exemplar.1.gz" DESTINATION "${CMAKE_INSTALL_MANDIR}/man1")
install(FILES "${EXEMPLAR_INSTALLER_DIR}/lintian/exemplar" DESTINATION "${CMAKE_INSTALL_DATADIR}/lintian/overrides")
install(FILES "${EXEMPLAR_INSTALLER_DIR}/copyright" "${compressed}/changelog.Debian.gz"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/doc/exemplar")
# The desktop entry and its metadata belong with the desktop app.
if(TARGET exemplar-gui)
  install(FILES "${compressed}/exemplar-gui.1.gz" DESTINATION "${CMAKE_INSTALL_MANDIR}/man1")
  install(FILES "${EXEMPLAR_INSTALLER_DIR}/${EXEMPLAR_APP_ID}.desktop" DESTINATION "${CMAKE_INSTALL_DATADIR}/applications")
  install(FILES "${EXEMPLAR_INSTALLER_DIR}/${EXEMPLAR_APP_ID}.metainfo.xml" DESTINATION "${CMAKE_INSTALL_DATADIR}/metainfo")
endif()
install(FILES "${EXEMPLAR_INSTALLER_DIR}/icons/exemplar.svg"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps" RENAME "${EXEMPLAR_APP_ID}.svg")
foreach(size 16 32 48 64 128 256)
  install(FILES "${EXEMPLAR_INSTALLER_DIR}/icons/exemplar-${size}.png"
          DESTINATION "${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps" RENAME "${EXEMPLAR_APP_ID}.png")
endforeach()

set(CPACK_PACKAGE_NAME "exemplar")
set(CPACK_PACKAGE_VENDOR "The Exemplar authors")
set(CPACK_PACKAGE_CONTACT "Exemplar team <exemplar@example.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "evaluation of staff on the five exemplars (五种表率测评)")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "Self-reviews, head evaluations and anonymous peer ballots on the five
exemplars, scored per person, department and unit, with Excel reports,
offline Excel questionnaires and an HR import sheet; a command line
and a desktop app.")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_GENERATOR "TGZ;DEB")
set(CPACK_SOURCE_GENERATOR "TGZ")
set(CPACK_SOURCE_IGNORE_FILES "/\\\\.git/" "/build[^/]*/" "/demo-output/")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_PACKAGE_SECTION "utils")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CPACK_PACKAGE_CONTACT}")
# Libraries found by dpkg-shlibdeps; the CJK font is needed wherever the app draws Chinese.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-noto-cjk")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://example.org/exemplar")
include(CPack)
