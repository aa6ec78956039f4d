//! Kernel helper functions the code generator calls (`enum bpf_func_id` numbers).

pub const MAP_LOOKUP_ELEM: i32 = 1;
pub const MAP_UPDATE_ELEM: i32 = 2;
pub const MAP_DELETE_ELEM: i32 = 3;
pub const PROBE_READ: i32 = 4;
pub const KTIME_GET_NS: i32 = 5;
pub const GET_PRANDOM_U32: i32 = 7;
pub const GET_SMP_PROCESSOR_ID: i32 = 8;
pub const TAIL_CALL: i32 = 12;
pub const GET_CURRENT_PID_TGID: i32 = 14;
pub const GET_CURRENT_UID_GID: i32 = 15;
pub const GET_CURRENT_COMM: i32 = 16;
pub const GET_STACKID: i32 = 27;
pub const GET_CURRENT_TASK: i32 = 35;
pub const GET_STACK: i32 = 67;
pub const PROBE_READ_STR: i32 = 45;
pub const GET_NUMA_NODE_ID: i32 = 42;
pub const KTIME_GET_BOOT_NS: i32 = 125;
pub const PROBE_READ_USER: i32 = 112;
pub const PROBE_READ_KERNEL: i32 = 113;
pub const PROBE_READ_USER_STR: i32 = 114;
pub const PROBE_READ_KERNEL_STR: i32 = 115;
pub const JIFFIES64: i32 = 118;
pub const RINGBUF_OUTPUT: i32 = 130;
pub const RINGBUF_RESERVE: i32 = 131;
pub const RINGBUF_SUBMIT: i32 = 132;
pub const RINGBUF_DISCARD: i32 = 133;
pub const GET_CURRENT_TASK_BTF: i32 = 158;
pub const GET_FUNC_IP: i32 = 173;
pub const GET_ATTACH_COOKIE: i32 = 174;
pub const TASK_PT_REGS: i32 = 175;
pub const FOR_EACH_MAP_ELEM: i32 = 164;
pub const SNPRINTF: i32 = 165;
pub const LOOP: i32 = 181;
pub const STRNCMP: i32 = 182;
pub const GET_FUNC_ARG: i32 = 183;
pub const GET_FUNC_RET: i32 = 184;
pub const MAP_LOOKUP_PERCPU_ELEM: i32 = 195;
pub const KTIME_GET_TAI_NS: i32 = 208;

/// The helper's name as the verifier prints it, for the disassembler.
pub fn name(id: i32) -> Option<&'static str> {
    Some(match id {
        MAP_LOOKUP_ELEM => "bpf_map_lookup_elem",
        MAP_UPDATE_ELEM => "bpf_map_update_elem",
        MAP_DELETE_ELEM => "bpf_map_delete_elem",
        PROBE_READ => "bpf_probe_read",
        KTIME_GET_NS => "bpf_ktime_get_ns",
        GET_PRANDOM_U32 => "bpf_get_prandom_u32",
        GET_SMP_PROCESSOR_ID => "bpf_get_smp_processor_id",
        GET_CURRENT_PID_TGID => "bpf_get_current_pid_tgid",
        GET_CURRENT_UID_GID => "bpf_get_current_uid_gid",
        GET_CURRENT_COMM => "bpf_get_current_comm",
        TAIL_CALL => "bpf_tail_call",
        GET_STACKID => "bpf_get_stackid",
        GET_CURRENT_TASK => "bpf_get_current_task",
        GET_STACK => "bpf_get_stack",
        PROBE_READ_STR => "bpf_probe_read_str",
        GET_NUMA_NODE_ID => "bpf_get_numa_node_id",
        KTIME_GET_BOOT_NS => "bpf_ktime_get_boot_ns",
        PROBE_READ_USER => "bpf_probe_read_user",
        PROBE_READ_KERNEL => "bpf_probe_read_kernel",
        PROBE_READ_USER_STR => "bpf_probe_read_user_str",
        PROBE_READ_KERNEL_STR => "bpf_probe_read_kernel_str",
        JIFFIES64 => "bpf_jiffies64",
        RINGBUF_OUTPUT => "bpf_ringbuf_output",
        RINGBUF_RESERVE => "bpf_ringbuf_reserve",
        RINGBUF_SUBMIT => "bpf_ringbuf_submit",
        RINGBUF_DISCARD => "bpf_ringbuf_discard",
        GET_CURRENT_TASK_BTF => "bpf_get_current_task_btf",
        TASK_PT_REGS => "bpf_task_pt_regs",
        GET_FUNC_IP => "bpf_get_func_ip",
        GET_ATTACH_COOKIE => "bpf_get_attach_cookie",
        FOR_EACH_MAP_ELEM => "bpf_for_each_map_elem",
        SNPRINTF => "bpf_snprintf",
        LOOP => "bpf_loop",
        STRNCMP => "bpf_strncmp",
        GET_FUNC_ARG => "bpf_get_func_arg",
        GET_FUNC_RET => "bpf_get_func_ret",
        MAP_LOOKUP_PERCPU_ELEM => "bpf_map_lookup_percpu_elem",
        KTIME_GET_TAI_NS => "bpf_ktime_get_tai_ns",
        _ => return None,
    })
}
