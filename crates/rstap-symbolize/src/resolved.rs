//! The result of symbolizing one address, whatever its source.

use crate::kallsyms::{KernelSymbol, KernelSymbols};

/// The symbol that contains an address.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SymbolPart {
    pub name: String,
    /// Distance from the symbol's start.
    pub offset: u64,
    /// Size of the symbol; 0 when unknown.
    pub size: u64,
}

/// The module (kernel module, executable, shared object) that contains an address.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ModulePart {
    /// `kernel`, a module name, a file path or a `[vdso]`-style name.
    pub name: String,
    /// Distance from the module's lowest mapped address; 0 when unknown.
    pub offset: u64,
    /// Extent of the module; 0 when unknown.
    pub size: u64,
}

/// An address with whatever is known about it. Neither part known means
/// the formatters print the bare hex address, as SystemTap does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResolvedAddress {
    pub address: u64,
    pub symbol: Option<SymbolPart>,
    pub module: Option<ModulePart>,
}

impl ResolvedAddress {
    /// An address nothing is known about.
    pub fn unknown(address: u64) -> Self {
        Self {
            address,
            symbol: None,
            module: None,
        }
    }

    fn from_kernel(address: u64, symbol: KernelSymbol<'_>) -> Self {
        Self {
            address,
            symbol: Some(SymbolPart {
                name: symbol.name.to_string(),
                offset: symbol.offset,
                size: symbol.size,
            }),
            module: Some(ModulePart {
                name: symbol.module.to_string(),
                offset: 0,
                size: 0,
            }),
        }
    }
}

/// Anything that turns addresses into [`ResolvedAddress`]es.
pub trait Resolver {
    fn resolve(&self, address: u64) -> ResolvedAddress;

    /// Resolves a whole stack; sources that batch work override this.
    fn resolve_all(&self, addresses: &[u64]) -> Vec<ResolvedAddress> {
        addresses.iter().map(|&a| self.resolve(a)).collect()
    }
}

impl Resolver for KernelSymbols {
    /// Functions first, then data objects (so `symdata` of a variable
    /// works), then just the module when only its extent covers the address.
    fn resolve(&self, address: u64) -> ResolvedAddress {
        if let Some(symbol) = self.lookup(address) {
            return ResolvedAddress::from_kernel(address, symbol);
        }
        let mut resolved = ResolvedAddress::unknown(address);
        resolved.module = self.module_at(address).map(|extent| ModulePart {
            name: extent.name.clone(),
            offset: address - extent.start,
            size: extent.size,
        });
        resolved
    }
}
