// Sortable, searchable, paged tables for <table class="nqpf-datatable"> (nqpf.render.book.interactive_table).
// DataTables and jQuery are the npm packages pinned in js/package-lock.json, copied into _static/datatables and
// loaded before this (deferred) script: nothing is fetched from anywhere else.
(function () {
  "use strict";

  const ZH = {
    emptyTable: "表中没有数据",
    info: "第 _START_ 至 _END_ 条，共 _TOTAL_ 条",
    infoEmpty: "共 0 条",
    infoFiltered: "（从 _MAX_ 条中筛选）",
    lengthMenu: "每页显示 _MENU_ 条",
    loadingRecords: "载入中…",
    processing: "处理中…",
    search: "搜索：",
    zeroRecords: "没有符合条件的记录",
    thousands: ",",
    paginate: { first: "首页", last: "末页", next: "下一页", previous: "上一页" },
    aria: {
      orderable: "：按此列排序",
      orderableReverse: "：按此列倒序排序",
      orderableRemove: "：取消按此列排序",
      paginate: { first: "首页", last: "末页", next: "下一页", previous: "上一页" },
    },
  };

  if (typeof window.DataTable !== "function") {
    // The table stays a plain, complete table; say why in the console rather than fail silently.
    console.warn("nqpf-tables: DataTables did not load; tables are shown unsorted");
    return;
  }
  document.querySelectorAll("table.nqpf-datatable").forEach((table) => {
    new window.DataTable(table, {
      language: ZH,
      pageLength: 15,
      lengthMenu: [15, 50, 200],
      order: [],
      autoWidth: false,
    });
  });
})();
