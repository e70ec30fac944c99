import CLMDB
import Glibc

/// Room in the data file ahead of LMDB's last page, brought into the page cache one 4 KB page at a time before LMDB
/// writes there.
///
/// Linux caches a file in large folios (XFS since 5.18, ext4 since 6.16) when it is written in runs, and writes a
/// dirty folio back whole. LMDB appends its new pages in runs, one `pwritev` each, so every later commit that changed
/// one page of such a run wrote the whole run back: 140 KB of disk writes per S2S sale against 17 KB of pages changed
/// (BENCHMARKS.md). A page faulted in through a map advised `MADV_RANDOM` is cached alone, and LMDB's writes then
/// reuse it. So the file is kept extended (`posix_fallocate`, which never shrinks it) past LMDB's last page, by a
/// stretch of a quarter of what LMDB uses (1 to 16 MB), added when less than half a stretch is left; each new stretch
/// is faulted in through a map of its own. LMDB's own map is advised the same way (`MDB_NORDAHEAD`), so pages read
/// back after eviction are cached alone too.
///
/// Prepared on the syncer thread, never on the writer's: a stretch takes milliseconds.
struct SinglePageRoom {
    static let smallest = 1 << 20
    static let largest = 16 << 20
    private var preparedEnd = 0

    mutating func prepare(_ env: OpaquePointer) {
        var fd: Int32 = -1
        guard let (used, page, mapSize) = LMDBEnvironment.extent(env), mdb_env_get_fd(env, &fd) == MDB_SUCCESS else { return }
        // What LMDB wrote before this process started is cached as it was read or written then.
        if preparedEnd == 0 { preparedEnd = used }
        // A small store's file stays small; a large one's grows fast enough to need more room between two syncs.
        let stretch = min(Self.largest, max(Self.smallest, used / 4 / page * page))
        guard used + stretch / 2 > preparedEnd else { return }
        let start = max(preparedEnd, used)
        // Past the map LMDB cannot write; the next stretch follows once the map grows.
        let end = min(mapSize, start + stretch)
        guard end > start, posix_fallocate(fd, off_t(start), off_t(end - start)) == 0 else { return }
        let length = end - start
        if let map = mmap(nil, length, PROT_READ, MAP_SHARED, fd, off_t(start)), map != MAP_FAILED {
            _ = madvise(map, length, MADV_RANDOM)
            _ = madvise(map, length, MADV_POPULATE_READ)
            munmap(map, length)
        }
        preparedEnd = end
    }
}
