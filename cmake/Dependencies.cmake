# Every dependency comes from a Debian 12 package (see README "Dependencies").
find_package(PkgConfig REQUIRED)
find_package(SQLite3 REQUIRED)
find_package(PostgreSQL REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(CLI11 REQUIRED)
find_package(spdlog REQUIRED)
find_package(fmt REQUIRED)
find_package(Threads REQUIRED)
# HTTP server (librestinio-dev; pulls libasio-dev, libfmt-dev, libhttp-parser-dev) and mustache
# templates (libkainjow-mustache-dev, header-only).
find_package(restinio 0.6.16 REQUIRED)
find_path(MUSTACHE_INCLUDE_DIR kainjow/mustache.hpp REQUIRED)
pkg_check_modules(XLSXWRITER REQUIRED IMPORTED_TARGET xlsxwriter)
pkg_check_modules(PANGOCAIRO REQUIRED IMPORTED_TARGET pangocairo cairo-pdf)
pkg_check_modules(GUMBO REQUIRED IMPORTED_TARGET gumbo)
pkg_check_modules(POPPLER_CPP REQUIRED IMPORTED_TARGET poppler-cpp)
# poppler's core, for its error reporting only (check/read/read_pdf.cc); libpoppler-private-dev.
pkg_check_modules(POPPLER REQUIRED IMPORTED_TARGET poppler)
pkg_check_modules(XAPIAN REQUIRED IMPORTED_TARGET xapian-core)
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)

# SOCI 4.0.3 (libsoci-dev) ships no CMake config: find it by hand.
find_path(SOCI_INCLUDE_DIR soci/soci.h REQUIRED)
foreach(part core sqlite3 postgresql)
  find_library(SOCI_${part}_LIBRARY NAMES soci_${part} REQUIRED)
  add_library(Soci::${part} UNKNOWN IMPORTED)
  set_target_properties(Soci::${part} PROPERTIES IMPORTED_LOCATION "${SOCI_${part}_LIBRARY}"
                        INTERFACE_INCLUDE_DIRECTORIES "${SOCI_INCLUDE_DIR};${PostgreSQL_INCLUDE_DIRS}")
endforeach()
set_property(TARGET Soci::sqlite3 Soci::postgresql APPEND PROPERTY INTERFACE_LINK_LIBRARIES Soci::core)
set_property(TARGET Soci::core APPEND PROPERTY INTERFACE_LINK_LIBRARIES ${CMAKE_DL_LIBS})

if(GONGKAI_BUILD_TESTS)
  find_package(GTest REQUIRED)
  find_package(CURL REQUIRED)  # the HTTP integration tests' client (libcurl4-openssl-dev)
endif()
if(GONGKAI_BUILD_BENCH)
  find_package(benchmark REQUIRED)
endif()
