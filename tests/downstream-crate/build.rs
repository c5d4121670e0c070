fn main() {
    social_glossary::compiler::Builder::new("terms")
        .extend_builtin()
        .build_script();
}
