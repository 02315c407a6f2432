// What `thidua init` says and asks, in Vietnamese and English.
import type { Agency, Signer } from '../core/types.js';
import type { Folders } from './config.js';

export interface InitText {
  intro(dir: string): string;
  plan: string;
  signerName: string;
  keepAgency(a: Agency, s: Signer): string;
  agencyParent: string;
  agencyName: string;
  agencyNameFull: string;
  agencyPlace: string;
  reportSuffix: string;
  proposalSuffix: string;
  signerAuthority: string;
  signerTitle: string;
  keepFolders(f: Folders): string;
  folderSubmissions: string;
  folderOutputs: string;
  folderTemplates: string;
  required: string;
  folderInside: string;
  confirm(dir: string): string;
  cancelled: string;
  noTerminal: string;
  exists(dir: string): string;
  working(n: number): string;
  made(dir: string): string;
  whatConfig: string;
  whatTemplates(n: number): string;
  whatSubmissions: string;
  whatOutputs: string;
  next: string;
  stepValidate: string;
  stepCompile(outputs: string): string;
  stepShortlist: string;
}

const signerLine = (s: Signer) => [s.authority, s.title].filter(Boolean).join(' / ');

export const INIT_TEXT: Record<'vi' | 'en', InitText> = {
  vi: {
    intro: (dir) => `Tạo thư mục làm việc cho một đợt thi đua tại ${dir}.\nNhấn Enter để nhận giá trị trong ngoặc; Ctrl-C để dừng (không ghi gì).`,
    plan: 'Kế hoạch thi đua:',
    signerName: 'Họ tên người ký báo cáo, tờ trình (để trống nếu chưa biết, ghi tay sau):',
    keepAgency: (a, s) => `Giữ thông tin cơ quan và người ký theo kế hoạch?\n  ${a.parent} – ${a.name}; ký: ${signerLine(s)}; số văn bản: …/${a.reportSuffix}, …/${a.proposalSuffix}\n `,
    agencyParent: 'Cơ quan chủ quản (dòng trên của tiêu đề, in hoa):',
    agencyName: 'Tên cơ quan ban hành (in hoa):',
    agencyNameFull: 'Tên cơ quan viết thường (dùng trong câu văn):',
    agencyPlace: 'Địa danh ghi trước ngày tháng (… , ngày … tháng … năm …):',
    reportSuffix: 'Ký hiệu số báo cáo (Số: …/BC-SNV):',
    proposalSuffix: 'Ký hiệu số tờ trình (Số: …/TTr-SNV):',
    signerAuthority: 'Thẩm quyền ký (ví dụ KT. GIÁM ĐỐC; ghi - nếu người đứng đầu ký):',
    signerTitle: 'Chức vụ người ký (in hoa):',
    keepFolders: (f) => `Dùng tên thư mục mặc định? (${f.submissions}/ hồ sơ các huyện gửi, ${f.outputs}/ kết quả, ${f.templates}/ biểu mẫu trống)`,
    folderSubmissions: 'Thư mục chứa hồ sơ các huyện gửi về:',
    folderOutputs: 'Thư mục ghi báo cáo, danh sách:',
    folderTemplates: 'Thư mục ghi biểu mẫu trống:',
    required: 'Không được để trống.',
    folderInside: 'Ghi tên một thư mục bên trong thư mục làm việc (không dùng đường dẫn tuyệt đối hay "..").',
    confirm: (dir) => `Tạo thư mục làm việc tại ${dir}?`,
    cancelled: 'Đã dừng theo yêu cầu; không ghi tệp nào.',
    noTerminal: 'thidua: không có terminal để hỏi nên dùng các giá trị mặc định (thêm --yes để không thấy thông báo này; sửa sau trong thidua.config.json).',
    exists: (dir) => `${dir} đã là thư mục làm việc (có thidua.config.json). Sửa trực tiếp tệp đó, hoặc thêm --force để tạo lại (ghi đè cấu hình và biểu mẫu trống).`,
    working: (n) => `Đang tạo ${n} biểu mẫu trống…`,
    made: (dir) => `Đã tạo thư mục làm việc ${dir}:`,
    whatConfig: 'cấu hình: kế hoạch, cơ quan, người ký, thư mục',
    whatTemplates: (n) => `${n} biểu mẫu trống: gửi mỗi huyện tệp của mình`,
    whatSubmissions: 'đặt vào đây các tệp các huyện gửi về',
    whatOutputs: 'báo cáo và danh sách được ghi vào đây',
    next: 'Ba lệnh tiếp theo:',
    stepValidate: 'kiểm tra hồ sơ các huyện gửi về, xem chỗ cần sửa',
    stepCompile: (o) => `lập báo cáo kết quả (.docx, .xlsx) vào ${o}/`,
    stepShortlist: 'lập tờ trình và danh sách đề nghị khen thưởng',
  },
  en: {
    intro: (dir) => `Setting up a working folder for a campaign in ${dir}.\nPress Enter to take the value in brackets; Ctrl-C to stop (nothing is written).`,
    plan: 'Campaign plan:',
    signerName: "Signer's full name for reports and proposals (leave blank to write it by hand later):",
    keepAgency: (a, s) => `Keep the agency and signer from the plan?\n  ${a.parent} – ${a.name}; signs: ${signerLine(s)}; numbers: …/${a.reportSuffix}, …/${a.proposalSuffix}\n `,
    agencyParent: 'Parent authority (upper line of the header, capitals):',
    agencyName: 'Issuing agency (capitals):',
    agencyNameFull: 'Agency name in running text:',
    agencyPlace: 'Place written before the date:',
    reportSuffix: 'Report number suffix (No. …/BC-SNV):',
    proposalSuffix: 'Proposal number suffix (No. …/TTr-SNV):',
    signerAuthority: 'Signing authority (e.g. KT. GIÁM ĐỐC; - when the head signs):',
    signerTitle: "Signer's title (capitals):",
    keepFolders: (f) => `Use the default folder names? (${f.submissions}/ submissions, ${f.outputs}/ outputs, ${f.templates}/ blank workbooks)`,
    folderSubmissions: "Folder for the districts' submissions:",
    folderOutputs: 'Folder for reports and lists:',
    folderTemplates: 'Folder for the blank workbooks:',
    required: 'This cannot be blank.',
    folderInside: 'Give a folder inside the working folder (no absolute path, no "..").',
    confirm: (dir) => `Create the working folder in ${dir}?`,
    cancelled: 'Stopped as asked; no file was written.',
    noTerminal: 'thidua: no terminal to ask questions on, so defaults are used (add --yes to silence this; edit thidua.config.json later).',
    exists: (dir) => `${dir} is already a working folder (it has thidua.config.json). Edit that file, or add --force to recreate it (replaces the config and blank workbooks).`,
    working: (n) => `Writing ${n} blank workbooks…`,
    made: (dir) => `Created the working folder ${dir}:`,
    whatConfig: 'settings: plan, agency, signer, folders',
    whatTemplates: (n) => `${n} blank workbooks: send each district its own`,
    whatSubmissions: 'put the files the districts send back here',
    whatOutputs: 'reports and lists are written here',
    next: 'Next three commands:',
    stepValidate: "check the districts' files and see what to fix",
    stepCompile: (o) => `write the results report (.docx, .xlsx) into ${o}/`,
    stepShortlist: 'write the award proposal and list',
  },
};
