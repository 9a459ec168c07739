// Real IndexedDB semantics in Node: every unit test that touches Dexie runs on fake-indexeddb.
import 'fake-indexeddb/auto';
