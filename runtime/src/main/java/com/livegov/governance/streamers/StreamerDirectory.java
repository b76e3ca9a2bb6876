package com.livegov.governance.streamers;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The streamer list: a search over streamers and their accounts' handles, one page at a time. */
@Repository
class StreamerDirectory {

    /** One row of the list. */
    record Row(String id, String name, String tier, String status, String category, String opsManager, int accounts,
            long fans, boolean offboarding) {
    }

    /** One page of the list and how many streamers match in all. */
    record Page(List<Row> rows, int total, int page, int pages) {
        public boolean hasPrevious() {
            return page > 1;
        }

        public boolean hasNext() {
            return page < pages;
        }
    }

    private final JdbcTemplate jdbc;

    StreamerDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Page search(StreamerSearch search) {
        List<Object> arguments = new ArrayList<>();
        String where = where(search, arguments);
        Integer total = jdbc.queryForObject("select count(*) from governance.streamers s" + where, Integer.class, arguments.toArray());
        arguments.add(StreamerSearch.PAGE_SIZE);
        arguments.add(search.offset());
        List<Row> rows = jdbc.query("""
                select s.id, s.display_name, s.tier, s.status, s.category, s.ops_manager,
                       (select count(*) from governance.accounts a where a.authorized_streamer = s.id) as accounts,
                       (select coalesce(sum(a.fans), 0) from governance.accounts a where a.authorized_streamer = s.id) as fans,
                       exists (select 1 from governance.offboardings o where o.streamer_id = s.id and o.completed_at is null) as offboarding
                from governance.streamers s""" + where + " order by s.display_name, s.id limit ? offset ?",
                (rs, n) -> new Row(rs.getString("id"), rs.getString("display_name"), rs.getString("tier"), rs.getString("status"),
                        rs.getString("category"), rs.getString("ops_manager"), rs.getInt("accounts"), rs.getLong("fans"),
                        rs.getBoolean("offboarding")),
                arguments.toArray());
        int count = total == null ? 0 : total;
        int pages = Math.max(1, (count + StreamerSearch.PAGE_SIZE - 1) / StreamerSearch.PAGE_SIZE);
        return new Page(rows, count, search.page(), pages);
    }

    /** The ops managers streamers have, for the filter's choices. */
    List<String> opsManagers() {
        return jdbc.queryForList("select distinct ops_manager from governance.streamers order by ops_manager", String.class);
    }

    private static String where(StreamerSearch search, List<Object> arguments) {
        List<String> conditions = new ArrayList<>();
        if (search.text() != null) {
            String like = "%" + search.text().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            conditions.add("""
                    (lower(s.id) like ? or lower(s.display_name) like ? or exists (select 1 from governance.accounts a
                     where a.authorized_streamer = s.id and lower(a.platform_handle) like ?))""");
            arguments.add(like);
            arguments.add(like);
            arguments.add(like);
        }
        if (search.tier() != null) {
            conditions.add("s.tier = ?");
            arguments.add(search.tier());
        }
        if (search.status() != null) {
            conditions.add("s.status = ?");
            arguments.add(search.status());
        }
        if (search.opsManager() != null) {
            conditions.add("s.ops_manager = ?");
            arguments.add(search.opsManager());
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }
}
