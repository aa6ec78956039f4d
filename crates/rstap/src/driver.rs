//! The passes, in stap's order, with stap's `-v` lines and failure summaries.

use std::io::{IsTerminal, Read};

use rstap_diag::{Diagnostic, RenderOptions, SourceMap};
use rstap_ir::{ProbeKind, Program, Type};
use rstap_sema::{Catalogs, ElaborateOptions, StaticCatalog, TracepointCatalog};
use rstap_syntax::ast;

use crate::config::{ColorChoice, Config, Mode, ScriptSource};
use crate::pass_stats::{PassClock, plural};
use crate::sysinfo::KernelFacts;

/// Writes to standard output, ignoring a closed pipe (`rstap -l '*' | head`): the
/// reader has what it wanted, which is not an error.
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = write!(std::io::stdout().lock(), $($arg)*);
    }};
}

macro_rules! outln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout().lock(), $($arg)*);
    }};
}

/// `-D` names that only matter for kernel-side probes (overload protection, stacks,
/// locks, memory); accepted without effect on userspace-only sessions.
const KERNEL_LIMITS: &[&str] = &[
    "STP_NO_OVERLOAD",
    "STP_OVERLOAD_THRESHOLD",
    "STP_OVERLOAD_INTERVAL",
    "MAXBACKTRACE",
    "MAXSTACKS",
    "MAXTRYLOCK",
    "TRYLOCKDELAY",
    "STP_MAXMEMORY",
    "MINSTACKSPACE",
    "KRETACTIVE",
    "INTERRUPTIBLE",
];

/// The exit status of a failed run.
const FAILED: u8 = 1;

struct Driver {
    cfg: Config,
    sm: SourceMap,
    render: RenderOptions,
}

pub fn run(cfg: Config) -> u8 {
    let color = match cfg.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none()
        }
    };
    let mut d = Driver {
        cfg,
        sm: SourceMap::new(),
        render: RenderOptions { color },
    };
    match d.cfg.mode.clone() {
        Mode::Version => {
            outln!("{}", crate::VERSION_TEXT);
            0
        }
        Mode::DumpProbeTypes => {
            for line in rstap_sema::probe_types(&StaticCatalog::default()) {
                outln!("{line}");
            }
            0
        }
        Mode::DumpProbeAliases | Mode::DumpFunctions => d.dump_library(),
        Mode::List { pattern, with_vars } => d.list(&pattern, with_vars),
        Mode::Run(src) => {
            if let Some(target) = &d.cfg.target_kernel {
                // Its types replace this kernel's everywhere the compiler reads BTF.
                if let Err(e) = rstap_btf::Btf::from_file(&target.btf) {
                    eprintln!(
                        "error[C0003]: cannot read the BTF of kernel {} from '{}': {e}",
                        target.release,
                        target.btf.display()
                    );
                    eprintln!(
                        "  = help: --kernel-btf takes a copy of /sys/kernel/btf/vmlinux of a machine running that kernel"
                    );
                    return FAILED;
                }
                rstap_btf::Btf::set_target_vmlinux(&target.btf);
            }
            d.compile_and_run(src)
        }
        // Only `--remote` produces this mode; `rstap doctor` itself is dispatched earlier.
        Mode::Doctor => {
            let _ = crate::doctor::run();
            0
        }
    }
}

/// The probes a session reports as tracing (`never` probes do not count).
fn live_probes(program: &Program) -> usize {
    program
        .probes
        .iter()
        .filter(|p| !matches!(p.kind, ProbeKind::Never))
        .count()
}

/// CPUs currently online (1 if unknown).
fn online_cpus() -> u64 {
    std::thread::available_parallelism().map_or(1, |n| n.get() as u64)
}

/// The files whose symbols resolve user frames besides the probed programs: the `-d`
/// files and, with `--ldd`, the shared libraries they and the probed programs load.
fn symbol_files(cfg: &Config, program: &Program) -> Vec<std::path::PathBuf> {
    let mut files = cfg.symbol_files.clone();
    if cfg.ldd {
        let search = rstap_debuginfo::SearchPath::system();
        let mut objects = files.clone();
        for p in &program.probes {
            if let ProbeKind::Uprobe { path, .. } = &p.kind {
                objects.push(std::path::PathBuf::from(path));
            }
        }
        for object in objects {
            for (_, found) in search.needed_libraries(&object) {
                if let Some(lib) = found
                    && !files.contains(&lib)
                {
                    files.push(lib);
                }
            }
        }
    }
    files
}

/// `rstap run [OPTIONS] FILE`: runs a session file written by `-p4` on this kernel.
pub fn run_session_file(args: &crate::options::RunArgs) -> u8 {
    use rstap_runtime::session_file::SessionFile;
    let path = &args.file;
    let target_pid = match &args.target_pid {
        Some(s) => match s.parse::<i32>() {
            Ok(p) if p > 0 => Some(i64::from(p)),
            _ => {
                eprintln!("error[C0001]: Invalid target process ID number.");
                return FAILED;
            }
        },
        None => None,
    };
    if args.command.as_deref().is_some_and(|c| c.trim().is_empty()) {
        eprintln!("error[C0001]: Empty CMD string invalid.");
        return FAILED;
    }
    if args.command.is_some() && target_pid.is_some() {
        eprintln!("error[C0001]: You can't specify the '-c' and '-x' options together.");
        return FAILED;
    }
    let read = if path.as_os_str() == "-" {
        let bytes = if args.remote_control {
            crate::remote::control::take_payload(crate::remote::protocol::PayloadKind::Session)
        } else {
            let mut b = Vec::new();
            std::io::stdin()
                .read_to_end(&mut b)
                .map(|_| b)
                .map_err(|e| e.to_string())
        };
        match bytes {
            Ok(b) => SessionFile::from_bytes(&b),
            Err(e) => {
                eprintln!("error[C0003]: cannot read the session from standard input: {e}");
                return FAILED;
            }
        }
    } else {
        SessionFile::read(path)
    };
    let (mut file, sm) = match read {
        Ok(x) => x,
        Err(e) => {
            eprintln!("error[C0003]: cannot run '{}': {e}", path.display());
            return FAILED;
        }
    };
    let settings = match args
        .set_globals
        .iter()
        .map(|g| crate::set_globals::parse(g))
        .collect::<Result<Vec<_>, _>>()
    {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error[C0001]: {}", e.message);
            if let Some(h) = e.help {
                eprintln!("  = help: {h}");
            }
            return FAILED;
        }
    };
    // A compiled session keeps only the globals its probes use.
    if let Err(d) = crate::set_globals::apply(&mut file.program, &settings, |_| false) {
        eprint!(
            "{}",
            rstap_diag::render_all(&sm, &[*d], RenderOptions::default())
        );
        return FAILED;
    }
    let timeout = match args.timeout.as_deref().map(crate::config::parse_timeout) {
        None => None,
        Some(Ok(t)) => Some(t),
        Some(Err(e)) => {
            eprintln!("error[C0001]: {}", e.message);
            return FAILED;
        }
    };
    let rotate = match args.rotate.as_deref().map(crate::config::parse_rotation) {
        None => None,
        Some(Ok(r)) => Some(r),
        Some(Err(e)) => {
            eprintln!("error[C0001]: {}", e.message);
            if let Some(h) = e.help {
                eprintln!("  = help: {h}");
            }
            return FAILED;
        }
    };
    if rotate.is_some() && args.output.is_none() {
        eprintln!("error[C0001]: You have to specify output FILE with '-S' option");
        return FAILED;
    }
    let metrics = match args
        .metrics
        .as_deref()
        .map(crate::config::parse_metrics_address)
    {
        None => None,
        Some(Ok(a)) => Some(a),
        Some(Err(e)) => {
            eprintln!("error[C0001]: {}", e.message);
            if let Some(h) = e.help {
                eprintln!("  = help: {h}");
            }
            return FAILED;
        }
    };
    let plan = crate::session_io::SessionPlan {
        output: args.output.as_deref().map(std::path::Path::new),
        rotate,
        background: args.background_child,
        script: if path.as_os_str() == "-" {
            "-".to_string()
        } else {
            crate::background::absolute(path).display().to_string()
        },
        probes: live_probes(&file.program),
        metrics,
    };
    let prepared = match crate::session_io::prepare(&plan) {
        Ok(p) => p,
        Err(message) => {
            eprintln!("error[C0001]: {message}");
            return FAILED;
        }
    };
    let session = rstap_interp::session::SessionOptions {
        limits: file.limits.clone(),
        suppress_handler_errors: args.suppress_handler_errors,
        display_globals: !args.no_global_var_display,
        target_pid,
        command: args.command.clone(),
        command_stdio_null: args.background_child,
        hooks: prepared.hooks,
        timeout,
        ..Default::default()
    };
    for f in &file.symbol_files {
        session
            .user_symbols
            .with(|c| c.add_known_file(std::path::Path::new(f)));
    }
    let mut out = prepared.out;
    let status = if file.compiled.probes.is_empty() {
        match rstap_interp::session::run(&file.program, &sm, &session, &mut out) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("error: {e}");
                return FAILED;
            }
        }
    } else {
        let live = rstap_runtime::LiveOptions {
            maxstringlen: session.limits.maxstringlen,
            session,
            quiet: args.quiet || args.background_child,
            stack_profile: Vec::new(),
            overload: Some(rstap_runtime::Overload::default()),
        };
        match rstap_runtime::run(&file.program, &sm, &file.compiled, &live, &mut out) {
            Ok(o) => o.status,
            Err(d) => {
                eprint!(
                    "{}",
                    rstap_diag::render_all(&sm, &[*d], RenderOptions::default())
                );
                return FAILED;
            }
        }
    };
    let _ = out.finish();
    if status == 0 { 0 } else { FAILED }
}

impl Driver {
    /// The facts of the kernel compiled for: this one, or the one of `-r`.
    fn kernel_facts(&self) -> KernelFacts {
        match &self.cfg.target_kernel {
            Some(t) => KernelFacts::of_release(&t.release),
            None => KernelFacts::probe(),
        }
    }

    fn verbose(&self, pass: usize) -> u8 {
        self.cfg.verbose[pass - 1]
    }

    fn emit(&self, diags: &[Diagnostic]) {
        let text = rstap_diag::render_all(&self.sm, diags, self.render);
        if !text.is_empty() {
            eprint!("{text}");
        }
    }

    fn read_script(&mut self, src: &ScriptSource) -> Result<rstap_diag::FileId, u8> {
        let (name, text) = match src {
            ScriptSource::Text(t) => ("<input>".to_string(), t.clone()),
            ScriptSource::Stdin if self.cfg.remote_control => {
                let kind = crate::remote::protocol::PayloadKind::Script;
                match crate::remote::control::take_payload(kind) {
                    Ok(bytes) => (
                        "<input>".to_string(),
                        String::from_utf8_lossy(&bytes).into_owned(),
                    ),
                    Err(e) => {
                        eprintln!("error[C0003]: cannot read the script from standard input: {e}");
                        return Err(FAILED);
                    }
                }
            }
            ScriptSource::Stdin => {
                let mut t = String::new();
                if let Err(e) = std::io::stdin().read_to_string(&mut t) {
                    eprintln!("error[C0003]: cannot read the script from standard input: {e}");
                    return Err(FAILED);
                }
                ("<input>".to_string(), t)
            }
            ScriptSource::File(p) => match std::fs::read(p) {
                Ok(bytes) => (
                    p.display().to_string(),
                    String::from_utf8_lossy(&bytes).into_owned(),
                ),
                Err(e) => {
                    eprintln!(
                        "error[C0003]: cannot read script file '{}': {e}",
                        p.display()
                    );
                    eprintln!("  = help: check the path, or pass the script with -e 'SCRIPT'");
                    return Err(FAILED);
                }
            },
        };
        Ok(self.sm.add(name, text))
    }

    fn parse_options(&self, facts: &KernelFacts, is_tapset: bool) -> rstap_syntax::ParseOptions {
        let env = rstap_syntax::PreprocessEnv {
            kernel_v: facts.version.clone(),
            kernel_vr: facts.release.clone(),
            arch: facts.arch.clone(),
            systemtap_v: self.cfg.compatible.clone(),
            runtime: "bpf".to_string(),
            privilege: self.cfg.privilege.clone(),
            guru_mode: self.cfg.guru,
            config: facts.config.clone().into_iter().collect(),
            args: self.cfg.args.clone(),
        };
        rstap_syntax::ParseOptions {
            env,
            guru: self.cfg.guru || is_tapset,
            is_tapset,
        }
    }

    /// Pass 1 for the user script and the library. Returns (user scripts, library).
    fn pass1(
        &mut self,
        user_files: &[rstap_diag::FileId],
    ) -> Result<(Vec<ast::Script>, Vec<ast::Script>), u8> {
        let clock = PassClock::start();
        let facts = self.kernel_facts();
        let library = match rstap_tapsets::library(&self.cfg.include_dirs) {
            Ok(l) => l,
            Err(e) => {
                eprintln!("error[C0001]: cannot read a tapset directory given with -I: {e}");
                return Err(FAILED);
            }
        };
        let mut diags = Vec::new();
        let lib_opts = self.parse_options(&facts, true);
        let mut macros = rstap_syntax::MacroLibrary::default();
        for f in library.iter().filter(|f| f.is_macro_file()) {
            let id = self.sm.add(f.name.clone(), f.text.clone());
            let (lib, d) = rstap_syntax::parse_macro_file(&self.sm, id, &lib_opts.env);
            macros.extend(lib);
            diags.extend(d);
        }
        // The generated syscall tapset is large and holds only the syscall.* aliases:
        // a run whose scripts never name a system call probe skips it.
        // (`syscall.`, `nd_syscall.*`, `syscall_any`, `syscall*`; not the `syscalls:`
        // tracepoints.)
        let names_syscall_alias = |text: &str| {
            text.match_indices("syscall").any(|(i, m)| {
                matches!(
                    text.as_bytes().get(i + m.len()),
                    Some(b'.' | b'_' | b'*' | b'?' | b'[')
                )
            })
        };
        let mentions_syscalls = !matches!(self.cfg.mode, Mode::Run(_))
            || user_files
                .iter()
                .any(|&id| names_syscall_alias(&self.sm.file(id).text))
            || library
                .iter()
                .any(|f| !f.name.starts_with("<tapset>/") && names_syscall_alias(&f.text));
        let mut lib_scripts = Vec::new();
        for f in library
            .iter()
            .filter(|f| !f.is_macro_file())
            .filter(|f| mentions_syscalls || f.name != "<tapset>/syscalls.stp")
        {
            let id = self.sm.add(f.name.clone(), f.text.clone());
            let (script, d) = rstap_syntax::parse_script(&self.sm, id, &lib_opts, &macros);
            lib_scripts.push(script);
            diags.extend(d);
        }
        let user_opts = self.parse_options(&facts, false);
        let mut user = Vec::new();
        for &id in user_files {
            let (script, d) = rstap_syntax::parse_script(&self.sm, id, &user_opts, &macros);
            user.push(script);
            diags.extend(d);
        }
        let errors = diags.iter().filter(|d| d.is_error()).count();
        let shown: Vec<Diagnostic> = diags
            .into_iter()
            .filter(|d| d.is_error() || !self.cfg.no_warnings)
            .collect();
        self.emit(&shown);
        if errors > 0 {
            eprintln!("{}.", plural(errors, "parse error"));
            eprintln!("Pass 1: parse failed.  Run 'rstap explain CODE' for the codes above.");
            return Err(FAILED);
        }
        if self.verbose(1) > 0 {
            eprintln!(
                "Pass 1: parsed user script and {} library scripts {}",
                lib_scripts.len(),
                clock.report()
            );
        }
        Ok((user, lib_scripts))
    }

    fn pass2(
        &mut self,
        user: Vec<ast::Script>,
        library: Vec<ast::Script>,
        unoptimized: bool,
    ) -> Result<Program, u8> {
        let clock = PassClock::start();
        let opts = ElaborateOptions {
            unoptimized,
            suppress_warnings: self.cfg.no_warnings,
            warnings_as_errors: self.cfg.warnings_as_errors,
            guru: self.cfg.guru,
            skip_badvars: self.cfg.skip_badvars,
            no_global_var_display: self.cfg.no_global_var_display,
            preset_globals: self
                .cfg
                .set_globals
                .iter()
                .map(|s| s.name.clone())
                .collect(),
        };
        // The user script's globals, before elaboration drops the unused ones (-G may
        // name one of those).
        let declared: Vec<String> = user
            .iter()
            .flat_map(|s| &s.items)
            .filter_map(|i| match i {
                ast::Item::Global(g) if !g.from_tapset => Some(g.name.name.clone()),
                _ => None,
            })
            .collect();
        let statics = StaticCatalog::default();
        let tracefs = crate::tracefs::Tracefs::open();
        let tracepoints = TracepointCatalog::new(&tracefs);
        let kfuncs = crate::kfuncs::KernelFunctionSource::default();
        let functions = rstap_sema::FunctionCatalog::new(&kfuncs);
        let binaries = crate::ubinaries::UserBinaries::new(
            self.cfg.command.clone(),
            self.cfg.target_pid.and_then(|p| u32::try_from(p).ok()),
        );
        let uprobes = rstap_sema::UprobeCatalog::new(&binaries);
        let catalog = Catalogs(vec![&statics, &tracepoints, &functions, &uprobes]);
        let el = rstap_sema::elaborate_parsed(&self.sm, user, library, &catalog, &opts);
        self.emit(&el.diagnostics);
        let mut el = el;
        if let Some(program) = &mut el.program
            && let Err(d) = crate::set_globals::apply(program, &self.cfg.set_globals, |n| {
                declared.iter().any(|d| d == n)
            })
        {
            self.emit(&[*d]);
            return Err(FAILED);
        }
        let Some(program) = el.program else {
            let errors = el.diagnostics.iter().filter(|d| d.is_error()).count();
            if errors > 0 {
                eprintln!("{}.", plural(errors, "semantic error"));
            }
            eprintln!("Pass 2: analysis failed.  Run 'rstap explain CODE' for the codes above.");
            return Err(FAILED);
        };
        if self.verbose(2) > 0 {
            eprintln!(
                "Pass 2: analyzed script: {} {}",
                rstap_sema::pass2_summary(&program),
                clock.report()
            );
        }
        Ok(program)
    }

    fn compile_and_run(&mut self, src: ScriptSource) -> u8 {
        let mut files = match self.read_script(&src) {
            Ok(f) => vec![f],
            Err(code) => return code,
        };
        for (i, extra) in self.cfg.extra_scripts.clone().into_iter().enumerate() {
            files.push(self.sm.add(format!("<input{}>", i + 1), extra));
        }
        let (user, library) = match self.pass1(&files) {
            Ok(x) => x,
            Err(code) => return code,
        };
        if self.cfg.last_pass == 1 {
            for s in &user {
                out!("{}", rstap_syntax::print_script(&self.sm, s));
            }
            return 0;
        }
        let program = match self.pass2(user, library, self.cfg.unoptimized) {
            Ok(p) => p,
            Err(code) => return code,
        };
        if self.cfg.last_pass == 2 {
            out!("{}", rstap_sema::dump(&program, self.verbose(2) > 0));
            return 0;
        }
        let limits = match self.limits() {
            Ok(l) => l,
            Err(code) => return code,
        };
        let kernel = rstap_runtime::kernel_probes(&program);
        let kernel_functions = if self.cfg.last_pass >= 4 {
            match self.kernel_function_mechanism(&program) {
                Ok(m) => m,
                Err(code) => return code,
            }
        } else {
            None
        };
        let compiled = if kernel.is_empty() {
            None
        } else {
            let clock = PassClock::start();
            let mut options = match self.compile_options(&program, &limits) {
                Ok(o) => o,
                Err(code) => return code,
            };
            if let Some(m) = kernel_functions {
                options.kernel_functions = m;
            }
            match rstap_bpf::compile(&program, &kernel, &options) {
                Ok(c) => {
                    if self.verbose(3) > 0 {
                        let insns: usize = c.probes.iter().map(|p| p.code.insns.len()).sum();
                        eprintln!(
                            "Pass 3: translated to {} and {} BPF instructions {}",
                            plural(c.probes.len(), "program"),
                            insns,
                            clock.report_time()
                        );
                    }
                    Some(c)
                }
                Err(diags) => {
                    self.emit(&diags);
                    eprintln!("Pass 3: translation failed.  [man error::pass3]");
                    return FAILED;
                }
            }
        };
        if self.cfg.last_pass == 3 {
            out!("{}", rstap_ir::print::program(&program));
            if let Some(c) = &compiled {
                let names = c.map_names();
                for p in &c.probes {
                    outln!();
                    outln!(
                        "# probe '{}': {:?} program {}, {} instructions, {} bytes of scratch",
                        program.probe(p.probe).pp,
                        p.kind,
                        p.name,
                        p.code.insns.len(),
                        p.scratch_used
                    );
                    for line in rstap_bpf::disasm::disassemble(&p.code, &names) {
                        outln!("{line}");
                    }
                }
                for d in &c.dispatchers {
                    outln!();
                    outln!(
                        "# system call dispatcher on raw tracepoint '{}': program {}, {} instructions",
                        d.tracepoint,
                        d.name,
                        d.code.insns.len()
                    );
                    for line in rstap_bpf::disasm::disassemble(&d.code, &names) {
                        outln!("{line}");
                    }
                }
            }
            return 0;
        }
        if self.cfg.last_pass == 4 {
            return self.write_session_file(&program, compiled.as_ref(), &limits);
        }
        self.pass5(&program, limits, compiled.as_ref())
    }

    /// `-p4`: writes `stap_HASH.rstap` (`NAME.rstap` with `-m NAME`) in the current
    /// directory and prints its name.
    fn write_session_file(
        &mut self,
        program: &Program,
        compiled: Option<&rstap_bpf::Compiled>,
        limits: &rstap_interp::Limits,
    ) -> u8 {
        let empty;
        let compiled = match compiled {
            Some(c) => c,
            None => {
                let options = match self.compile_options(program, limits) {
                    Ok(o) => o,
                    Err(code) => return code,
                };
                empty = match rstap_bpf::compile(program, &[], &options) {
                    Ok(c) => c,
                    Err(diags) => {
                        self.emit(&diags);
                        return FAILED;
                    }
                };
                &empty
            }
        };
        let kernel = match &self.cfg.target_kernel {
            Some(t) => match std::fs::read(&t.btf) {
                Ok(b) => (t.release.clone(), rstap_runtime::session_file::btf_hash(&b)),
                Err(e) => {
                    eprintln!("error[C0003]: cannot read '{}': {e}", t.btf.display());
                    return FAILED;
                }
            },
            None => rstap_runtime::session_file::kernel_identity(),
        };
        let mut file = rstap_runtime::session_file::SessionFile::new(
            &self.sm,
            program,
            compiled,
            limits,
            env!("CARGO_PKG_VERSION"),
            kernel,
        );
        file.symbol_files = symbol_files(&self.cfg, program)
            .iter()
            .map(|p| p.display().to_string())
            .collect();
        let bytes = file.to_bytes();
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for &b in &bytes {
            h ^= b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        let name = match &self.cfg.module_name {
            Some(m) => format!("{m}.rstap"),
            None => format!("stap_{h:016x}.rstap"),
        };
        if let Err(e) = std::fs::write(&name, &bytes) {
            eprintln!("error[C0001]: cannot write '{name}': {e}");
            return FAILED;
        }
        outln!("{name}");
        0
    }

    /// The limits in force: SystemTap's defaults changed by `-D` and
    /// `--suppress-time-limits`.
    fn limits(&self) -> Result<rstap_interp::Limits, u8> {
        let mut limits = rstap_interp::Limits::default();
        for (name, value) in &self.cfg.defines {
            let def = if value.is_empty() {
                name.clone()
            } else {
                format!("{name}={value}")
            };
            match limits.define(&def) {
                Ok(()) => {}
                // Limits that only kernel-side probes use are accepted here.
                Err(rstap_interp::DefineError::UnknownName(n))
                    if KERNEL_LIMITS.contains(&n.as_str()) => {}
                Err(rstap_interp::DefineError::UnknownName(n)) => {
                    if !self.cfg.no_warnings {
                        eprintln!("WARNING: -D {n} is not a limit rstap knows; it has no effect");
                    }
                }
                Err(e) => {
                    eprintln!("error[C0001]: -D {def}: {e}");
                    return Err(FAILED);
                }
            }
        }
        if self.cfg.suppress_time_limits {
            limits.maxaction = u64::MAX;
            limits.maxaction_interruptible = Some(u64::MAX);
        }
        Ok(limits)
    }

    /// How this kernel lets the script's `kernel.function` probes in (`None`: the script
    /// has none), or the error explaining that it does not, with tracepoints to use.
    fn kernel_function_mechanism(
        &mut self,
        program: &Program,
    ) -> Result<Option<rstap_bpf::KernelFunctions>, u8> {
        let mut first = None;
        let mut needs_kprobes = false;
        // Probes elided for an empty body count: the script still asked for them.
        let points = program
            .probes
            .iter()
            .map(|p| (&p.kind, p.span, p.pn.as_str()))
            .chain(
                program
                    .elided
                    .iter()
                    .map(|e| (&e.kind, e.span, e.pp.as_str())),
            );
        for (kind, span, written) in points {
            if let ProbeKind::KernelFunction {
                btf_id,
                kprobe_only,
                module,
                function,
                ..
            } = kind
            {
                first.get_or_insert((function.clone(), span, *btf_id, written.to_string()));
                needs_kprobes |= *kprobe_only || module.is_some() || *btf_id == 0;
            }
        }
        let Some((function, span, btf_id, written)) = first else {
            return Ok(None);
        };
        let found = rstap_runtime::kernel_function_mechanism((!needs_kprobes).then_some(btf_id));
        let why = match found {
            Ok(m) => return Ok(Some(m)),
            Err(why) => why,
        };
        let tracefs = crate::tracefs::Tracefs::open();
        let events = rstap_sema::TracepointSource::events(&tracefs);
        let alternatives = crate::kfuncs::alternatives(&function, &events);
        let mut d = rstap_diag::Diagnostic::error(
            rstap_diag::Stage::Run,
            rstap_runtime::NO_KERNEL_FUNCTIONS,
            if written.starts_with("kernel.function")
                || written.starts_with("kprobe.")
                || written.starts_with("module(")
            {
                format!("cannot probe kernel function '{function}': {why}")
            } else {
                format!("cannot probe kernel function '{function}' (for {written}): {why}")
            },
        )
        .with_primary(span, "this probe needs fentry or kprobes");
        if alternatives.is_empty() {
            d = d
                .with_help("use a tracepoint instead: `rstap -l 'kernel.trace(\"*\")'` lists them");
        } else {
            d = d.with_help(format!(
                "tracepoint alternatives: {}",
                alternatives.join(", ")
            ));
        }
        self.emit(&[d]);
        eprintln!("Pass 5: run failed.  Run 'rstap explain L0005' for the code above.");
        Err(FAILED)
    }

    fn compile_options(
        &self,
        program: &Program,
        limits: &rstap_interp::Limits,
    ) -> Result<rstap_bpf::CompileOptions, u8> {
        // MAXBACKTRACE frames per kernel stack (the kernel unwinds at most 127, its
        // kernel.perf_event_max_stack default); MAXSTACKS distinct stacks per session.
        let maxbacktrace = self.define_count("MAXBACKTRACE", 20, 1..=127)?;
        let max_stacks = self.define_count("MAXSTACKS", 16384, 1..=1 << 20)?;
        // Kernel strings default to 128 bytes (they live in per-CPU scratch memory and
        // travel in every output record); -DMAXSTRINGLEN raises that up to 1024.
        let string_width = if self.cfg.defines.contains_key("MAXSTRINGLEN") {
            limits.maxstringlen.clamp(16, 1024) as u32
        } else {
            128
        };
        // HZ (from the kernel's configuration) only matters to timer.profile.tick.
        let ticks = program
            .probes
            .iter()
            .any(|p| matches!(p.kind, ProbeKind::Profile { freq_hz: None }));
        let hz = if ticks {
            self.kernel_facts()
                .config
                .get("CONFIG_HZ")
                .and_then(|v| v.parse().ok())
                .unwrap_or(250)
        } else {
            250
        };
        Ok(rstap_runtime::machine_compile_options(
            program,
            rstap_bpf::CompileOptions {
                string_width,
                maxaction: limits.maxaction,
                maxmapentries: limits.maxmapentries,
                // -s N: SystemTap's buffer size per CPU in MiB (16 unless given); the one
                // shared ring buffer gets that times the online CPUs, as a power of two.
                ringbuf_bytes: ((self.cfg.buffer_mb.unwrap_or(16).clamp(1, 4095) as u64
                    * online_cpus())
                    << 20)
                    .next_power_of_two()
                    .min(1 << 30) as u32,
                // The first error ends the session, unless errors are suppressed or a
                // MAXERRORS budget is set (then userspace counts them).
                stop_on_error: limits.maxerrors == 0 && !self.cfg.suppress_handler_errors,
                maxbacktrace,
                max_stacks,
                timing: self.cfg.timing.is_some(),
                ..Default::default()
            },
            hz,
        ))
    }

    /// A `-D NAME=N` count within `range`, or its default.
    /// Overload protection from `-D`: `STP_NO_OVERLOAD` (or `-g --suppress-time-limits`)
    /// turns it off; `STP_OVERLOAD_THRESHOLD` and `STP_OVERLOAD_INTERVAL` are SystemTap's
    /// cycle counts, read here as nanoseconds of handler time per interval of wall time.
    fn overload(&self) -> Result<Option<rstap_runtime::Overload>, u8> {
        if self.cfg.defines.contains_key("STP_NO_OVERLOAD") || self.cfg.suppress_time_limits {
            return Ok(None);
        }
        let number = |name: &str, default: u64| -> Result<u64, u8> {
            match self.cfg.defines.get(name) {
                None => Ok(default),
                Some(v) => match v.parse::<u64>() {
                    Ok(n) if n > 0 => Ok(n),
                    _ => {
                        eprintln!(
                            "error[C0001]: -D {name}={v}: expected a positive number of nanoseconds"
                        );
                        Err(FAILED)
                    }
                },
            }
        };
        let d = rstap_runtime::Overload::default();
        let o = rstap_runtime::Overload {
            threshold_ns: number("STP_OVERLOAD_THRESHOLD", d.threshold_ns)?,
            interval_ns: number("STP_OVERLOAD_INTERVAL", d.interval_ns)?,
        };
        if o.threshold_ns
            > o.interval_ns
                .saturating_mul(rstap_sys::discovery::online_cpus().map_or(1, |c| c.len() as u64))
        {
            eprintln!(
                "error[C0001]: -D STP_OVERLOAD_THRESHOLD must not exceed STP_OVERLOAD_INTERVAL times the CPUs"
            );
            return Err(FAILED);
        }
        Ok(Some(o))
    }

    fn define_count(
        &self,
        name: &str,
        default: u32,
        range: std::ops::RangeInclusive<u32>,
    ) -> Result<u32, u8> {
        let Some(value) = self.cfg.defines.get(name) else {
            return Ok(default);
        };
        match value.parse::<u32>() {
            Ok(n) if range.contains(&n) => Ok(n),
            _ => {
                eprintln!(
                    "error[C0001]: -D {name}={value}: expected a number from {} to {}",
                    range.start(),
                    range.end()
                );
                Err(FAILED)
            }
        }
    }

    fn pass5(
        &mut self,
        program: &Program,
        limits: rstap_interp::Limits,
        compiled: Option<&rstap_bpf::Compiled>,
    ) -> u8 {
        let clock = PassClock::start();
        let profiling = self.cfg.folded.is_some() || self.cfg.flamegraph.is_some();
        let stack_profile = if profiling {
            let keyed = rstap_ir::stacks::stack_keyed_arrays(program);
            if let Some(why) = crate::profile::unprofilable(program, &keyed, compiled.is_some()) {
                eprintln!("error[C0001]: cannot draw a stack profile: {why}");
                return FAILED;
            }
            keyed
        } else {
            Vec::new()
        };
        let opts = rstap_interp::session::SessionOptions {
            limits,
            suppress_handler_errors: self.cfg.suppress_handler_errors,
            display_globals: !self.cfg.no_global_var_display,
            target_pid: self.cfg.target_pid.map(i64::from),
            command: self.cfg.command.clone(),
            command_stdio_null: self.cfg.background_child,
            handle_signals: true,
            kernel_symbols: rstap_symbolize::SharedKernelSymbols::new(),
            user_symbols: rstap_symbolize::SharedProcessSymbols::new(),
            timing: self.cfg.timing,
            hooks: None,
            timeout: self.cfg.timeout,
        };
        for f in symbol_files(&self.cfg, program) {
            opts.user_symbols.with(|c| c.add_known_file(&f));
        }
        let symbols = opts.kernel_symbols.clone();
        let mut stacks = Vec::new();
        let mut opts = opts;
        // `rstap ps` shows the session by its -m name when it has one.
        let script = match (&self.cfg.module_name, &self.cfg.mode) {
            (Some(name), _) => name.clone(),
            (None, Mode::Run(src)) => crate::background::describe_script(src),
            _ => String::new(),
        };
        let plan = crate::session_io::SessionPlan {
            output: self.cfg.output.as_deref(),
            rotate: self.cfg.rotate,
            background: self.cfg.background_child,
            script,
            probes: live_probes(program),
            metrics: self.cfg.metrics,
        };
        let mut out = match crate::session_io::prepare(&plan) {
            Ok(p) => {
                opts.hooks = p.hooks;
                p.out
            }
            Err(message) => {
                eprintln!("error[C0001]: {message}");
                return FAILED;
            }
        };
        // A background session says nothing on a terminal it no longer has.
        let quiet = self.cfg.quiet || self.cfg.background_child;
        if self.verbose(5) > 0 {
            eprintln!("Pass 5: starting run.");
        }
        let status = if let Some(c) = compiled {
            let cpus = rstap_sys::discovery::possible_cpus().map_or(1, |c| c.len() as u64);
            let memory = rstap_runtime::map_memory(c, cpus);
            if self.verbose(5) > 0 {
                eprintln!(
                    "Pass 5: {} BPF maps using {} KiB of kernel memory.",
                    c.layout.maps.len(),
                    memory.div_ceil(1024)
                );
            }
            if let Some(limit) = self.cfg.defines.get("STP_MAXMEMORY") {
                let Ok(kib) = limit.parse::<u64>() else {
                    eprintln!("error[C0001]: -D STP_MAXMEMORY={limit}: expected a size in KiB");
                    return FAILED;
                };
                if memory > kib.saturating_mul(1024) {
                    eprintln!(
                        "ERROR: the session's BPF maps need {} KiB, more than STP_MAXMEMORY ({kib} KiB): lower MAXMAPENTRIES, the arrays' declared sizes, or the buffer size given with -s",
                        memory.div_ceil(1024)
                    );
                    return FAILED;
                }
            }
            let overload = match self.overload() {
                Ok(o) => o,
                Err(code) => return code,
            };
            let live = rstap_runtime::LiveOptions {
                maxstringlen: opts.limits.maxstringlen,
                session: opts,
                quiet,
                stack_profile,
                overload,
            };
            match rstap_runtime::run(program, &self.sm, c, &live, &mut out) {
                Ok(o) => {
                    stacks = o.stacks;
                    o.status
                }
                Err(d) => {
                    self.emit(&[*d]);
                    return FAILED;
                }
            }
        } else {
            let waits_for_events = program
                .probes
                .iter()
                .any(|p| matches!(p.kind, ProbeKind::Timer { .. }));
            if waits_for_events && !quiet {
                let n = live_probes(program);
                eprintln!("Tracing {}... Hit Ctrl-C to end.", plural(n, "probe"));
            }
            match rstap_interp::session::run(program, &self.sm, &opts, &mut out) {
                Ok(s) => s,
                Err(e) => {
                    eprintln!("error: {e}");
                    return FAILED;
                }
            }
        };
        let mut status = status;
        if profiling && !self.write_profiles(program, &stacks, &symbols, &mut out) {
            status = 1;
        }
        if let Err(e) = out.finish() {
            eprintln!("error: cannot write the output: {e}");
            return FAILED;
        }
        if self.verbose(5) > 0 {
            eprintln!("Pass 5: run completed {}", clock.report_time());
        }
        if status == 0 { 0 } else { FAILED }
    }

    /// `--folded` and `--flamegraph` of the stack aggregations read at the end of the
    /// events. Returns false when one of them could not be written.
    fn write_profiles(
        &self,
        program: &Program,
        stacks: &[rstap_runtime::StackRows],
        symbols: &rstap_symbolize::SharedKernelSymbols,
        out: &mut crate::session_io::SessionOutput,
    ) -> bool {
        use rstap_interp::Output as _;
        let profile = crate::profile::folded_profile(stacks, symbols, program);
        let mut ok = true;
        if profile.is_empty() && !self.cfg.no_warnings {
            eprintln!("WARNING: no kernel stacks were recorded for the stack profile");
        }
        match &self.cfg.folded {
            Some(crate::config::ProfileOutput::Stdout) => {
                out.out(profile.folded().as_bytes());
                out.flush();
            }
            Some(crate::config::ProfileOutput::File(path)) => {
                if let Err(e) = std::fs::write(path, profile.folded()) {
                    eprintln!("error[C0001]: cannot write '{}': {e}", path.display());
                    ok = false;
                }
            }
            None => {}
        }
        if let Some(path) = &self.cfg.flamegraph {
            let title = match &self.cfg.mode {
                Mode::Run(ScriptSource::File(p)) => format!("rstap {}: kernel stacks", p.display()),
                _ => "rstap: kernel stacks".to_string(),
            };
            if let Err(e) = profile.write_flamegraph_file(&title, path) {
                eprintln!("error[C0001]: {e}");
                ok = false;
            }
        }
        ok
    }

    /// `-l` / `-L`: the probe points a pattern resolves to, sorted; `-L` adds the
    /// context variables with their types.
    fn list(&mut self, pattern: &str, with_vars: bool) -> u8 {
        let text = format!("probe {pattern} {{}}");
        let id = self.sm.add("<input>", text);
        let Ok((user, library)) = self.pass1(&[id]) else {
            return FAILED;
        };
        let statics = StaticCatalog::default();
        let tracefs = crate::tracefs::Tracefs::open();
        let tracepoints = TracepointCatalog::new(&tracefs);
        let kfuncs = crate::kfuncs::KernelFunctionSource::default();
        let functions = rstap_sema::FunctionCatalog::new(&kfuncs);
        let binaries = crate::ubinaries::UserBinaries::new(
            self.cfg.command.clone(),
            self.cfg.target_pid.and_then(|p| u32::try_from(p).ok()),
        );
        let uprobes = rstap_sema::UprobeCatalog::new(&binaries);
        let catalog = Catalogs(vec![&statics, &tracepoints, &functions, &uprobes]);
        let opts = ElaborateOptions {
            unoptimized: true,
            suppress_warnings: true,
            ..Default::default()
        };
        let el = rstap_sema::elaborate_parsed(&self.sm, user, library, &catalog, &opts);
        let Some(program) = el.program else {
            return FAILED;
        };
        let mut lines: Vec<String> = program
            .probes
            .iter()
            .filter(|p| !p.from_tapset)
            .map(|p| {
                let mut line = p.pn.clone();
                if !with_vars {
                    return line;
                }
                // An alias's variables by name, then the context variables its point
                // offers (names starting with `__` are the alias's own workings).
                let mut vars: Vec<String> = p
                    .locals
                    .iter()
                    .filter(|l| !l.name.starts_with("__"))
                    .filter_map(|l| match l.ty {
                        Type::Long => Some(format!("{}:long", l.name)),
                        Type::String => Some(format!("{}:string", l.name)),
                        _ => None,
                    })
                    .collect();
                vars.sort();
                vars.dedup();
                for v in vars {
                    line.push(' ');
                    line.push_str(&v);
                }
                if let ProbeKind::Uprobe {
                    ret,
                    mark,
                    path,
                    function,
                    site,
                    offset,
                    ..
                } = &p.kind
                {
                    use rstap_sema::UserBinarySource;
                    if *ret {
                        // The result's C type when DWARF gives it.
                        let result = binaries
                            .parameters(path, function)
                            .into_iter()
                            .find(|a| a.name == "$return")
                            .map_or_else(|| "long".to_string(), |a| a.c_type);
                        line.push_str(&format!(" $return:{result}"));
                    }
                    // Parameters: a return probe reads them as they were at entry.
                    if mark.is_none() && *site == rstap_ir::UprobeSite::Entry {
                        for a in binaries.parameters(path, function) {
                            // (The result is listed by return probes, first.)
                            if !a.name.starts_with('$') {
                                line.push_str(&format!(" ${}:{}", a.name, a.c_type));
                            }
                        }
                    }
                    // A statement: the variables in scope there (an inner one hides
                    // an outer one of the same name).
                    if matches!(
                        site,
                        rstap_ir::UprobeSite::Statement | rstap_ir::UprobeSite::Inline
                    ) {
                        let vars = binaries.variables(path, *offset);
                        for (i, v) in vars.iter().enumerate() {
                            if !vars[i + 1..].iter().any(|w| w.name == v.name) {
                                line.push_str(&format!(" ${}:{}", v.name, v.c_type));
                            }
                        }
                    }
                    for i in 1..=mark.as_ref().map_or(0, |m| m.args.len()) {
                        line.push_str(&format!(" $arg{i}:long"));
                    }
                }
                if let ProbeKind::KernelFunction { params, .. } = &p.kind {
                    for a in params.iter().filter(|a| !a.name.is_empty()) {
                        line.push_str(&format!(" ${}:{}", a.name, a.c_type));
                    }
                }
                if let ProbeKind::Tracepoint {
                    system,
                    name,
                    fields,
                } = &p.kind
                {
                    if rstap_bpf::reads_tracepoint_args(&program, p) {
                        let args = rstap_sema::TracepointSource::args(&tracefs, system, name);
                        for (i, a) in args.unwrap_or_default().iter().enumerate() {
                            if !a.name.is_empty() {
                                line.push_str(&format!(" ${}:long", a.name));
                            }
                            line.push_str(&format!(" $arg{}:long", i + 1));
                        }
                    } else {
                        for f in fields {
                            let ty = if f.kind.is_string() { "string" } else { "long" };
                            line.push_str(&format!(" ${}:{ty}", f.name));
                        }
                    }
                }
                line
            })
            .collect();
        lines.sort();
        lines.dedup();
        for l in &lines {
            outln!("{l}");
        }
        if lines.is_empty() { FAILED } else { 0 }
    }

    /// `--dump-functions` / `--dump-probe-aliases`: what the tapset library offers.
    fn dump_library(&mut self) -> u8 {
        let never = self.sm.add("<input>", "probe never {}");
        let Ok((_, library)) = self.pass1(&[never]) else {
            return FAILED;
        };
        if self.cfg.mode == Mode::DumpProbeAliases {
            let mut lines = Vec::new();
            for script in &library {
                for item in &script.items {
                    if let ast::Item::Alias(a) = item {
                        let op = match a.kind {
                            ast::AliasKind::Prologue => "=",
                            ast::AliasKind::Epilogue => "+=",
                        };
                        let targets: Vec<String> = a
                            .points
                            .iter()
                            .map(rstap_syntax::print_probe_point)
                            .collect();
                        for name in &a.names {
                            let name = rstap_syntax::print_probe_point(name);
                            // Names starting with `_` are internal; -v shows them.
                            if !name.starts_with('_') || self.verbose(2) > 0 {
                                lines.push(format!("{name} {op} {}", targets.join(", ")));
                            }
                        }
                    }
                }
            }
            lines.sort();
            lines.dedup();
            for l in lines {
                outln!("{l}");
            }
            return 0;
        }
        // Library functions declare their types; a missing return type means the
        // function returns nothing (`unknown` in SystemTap's listing).
        let ty = |t: Option<ast::TypeName>| match t {
            Some(ast::TypeName::Long) => "long",
            Some(ast::TypeName::String) => "string",
            None => "unknown",
        };
        let mut lines = Vec::new();
        for script in &library {
            for item in &script.items {
                if let ast::Item::Function(f) = item
                    && !f.private
                    && (!f.name.name.starts_with("__") || self.verbose(2) > 0)
                {
                    let params: Vec<String> = f
                        .params
                        .iter()
                        .map(|p| format!("{}:{}", p.name.name, ty(p.ty)))
                        .collect();
                    lines.push(format!(
                        "{}:{} ({})",
                        f.name.name,
                        ty(f.ret),
                        params.join(", ")
                    ));
                }
            }
        }
        lines.sort();
        lines.dedup();
        for l in lines {
            outln!("{l}");
        }
        0
    }
}
