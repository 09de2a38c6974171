// The public surface of the Apps Script program: exactly the functions Apps Script must see, nothing else.

// The shell: simple trigger, web app, setup and workflow triggers, menu items, live check.
export {
  doGet,
  doPost,
  flushOutbox_,
  handleFormSubmit_,
  onOpen,
  openDisposition_,
  openSidebar_,
  runIntegrityCheck_,
  runSlaCheck_,
  selfTest,
  setup_,
  verifyAuditLog_,
} from './gas/entry-points';

// The certificate lifecycle: expiry notices, Dasbor, monthly SOP report, Surat Permohonan (documented there).
export {
  checkExpiryNow_,
  generateReport_,
  openSuratPermohonan_,
  refreshDashboard_,
  runExpiryCheck_,
  runMonthlyReport_,
} from './gas/lifecycle-entry-points';
