/**
 * Font files the user picked, kept in this browser's IndexedDB for the next visit (one per role).
 * Nothing else is stored but the interface language (localStorage).
 */
import type { UserFont } from './worker/protocol.js';

const DB = 'wenshu';
const STORE = 'fonts';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'role' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function run<T>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return open().then(
    (db) =>
      new Promise<T>((resolve, reject) => {
        const request = act(db.transaction(STORE, mode).objectStore(STORE));
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      }),
  );
}

export const storedFonts = (): Promise<UserFont[]> =>
  run<UserFont[]>('readonly', (store) => store.getAll() as IDBRequest<UserFont[]>).catch(() => []);
export const storeFont = (font: UserFont): Promise<unknown> => run('readwrite', (store) => store.put(font));
export const forgetFont = (role: string): Promise<unknown> => run('readwrite', (store) => store.delete(role));
