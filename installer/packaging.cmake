# CPack: `cpack -G TGZ` in the build folder makes a relocatable archive of the
# installed programs with the bundled forms and templates under share/exemplar.
set(CPACK_PACKAGE_NAME "exemplar")
set(CPACK_PACKAGE_VENDOR "Exemplar")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "五种表率测评 — evaluation of the five exemplars")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_GENERATOR "TGZ")
set(CPACK_SOURCE_GENERATOR "TGZ")
set(CPACK_SOURCE_IGNORE_FILES "/\\\\.git/" "/build[^/]*/")
include(CPack)
