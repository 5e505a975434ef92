// The shared corpus helpers (see @wenshu/test-corpus).
export * from '@wenshu/test-corpus';
