//! Texts made once per task of a parallel list (a few tasks per core) for
//! each distinct thing they say, where a long list's rows say few different
//! things (the national lists' requirements unmet and training needs).

use std::hash::{BuildHasher, Hash};
use std::sync::Arc;

/// Texts (or anything made from a key) by what they depend on.
pub(super) struct Said<K, V: ?Sized> {
    state: hashbrown::DefaultHashBuilder,
    made: hashbrown::HashTable<(K, Arc<V>)>,
}

impl<K, V: ?Sized> Default for Said<K, V> {
    fn default() -> Self {
        Self {
            state: hashbrown::DefaultHashBuilder::default(),
            made: hashbrown::HashTable::new(),
        }
    }
}

impl<K: Hash, V: ?Sized> Said<K, V> {
    /// What was made for the key `find` recognises (`like` hashing as that
    /// key does), or what `make` makes, with its key, kept for the next.
    pub(super) fn get(
        &mut self,
        like: impl Hash,
        find: impl Fn(&K) -> bool,
        make: impl FnOnce() -> (K, Arc<V>),
    ) -> Arc<V> {
        let hash = self.state.hash_one(like);
        if let Some((_, made)) = self.made.find(hash, |(k, _)| find(k)) {
            return made.clone();
        }
        let (key, made) = make();
        let state = &self.state;
        debug_assert_eq!(hash, state.hash_one(&key), "a look-up hashes as its key");
        self.made
            .insert_unique(hash, (key, made.clone()), |(k, _)| state.hash_one(k));
        made
    }
}
