// The command line's help, printed by `help` and on a wrong command line.
import { defaultDatabasePath } from '../paths.ts';

export const usage = (): string => `Cách dùng: npm run cli -- <lệnh> [tham số] [--db <tệp cơ sở dữ liệu>]

Lệnh:
  list                            liệt kê các hội nghị
  import <tệp.json>               nhập tệp hội nghị thành một hội nghị mới, in mã của nó
  export <mã hội nghị> <tệp.json> xuất một hội nghị ra tệp
  minutes <mã hội nghị> <tệp.docx|tệp.pdf> [--format party|state] [--pdf]
                                  xuất biên bản ra tệp Word hoặc PDF (mặc định theo thể thức của hội nghị:
                                  party là thể thức Đảng, state là thể thức hành chính nhà nước)
  notice <mã hội nghị> <tệp.docx|tệp.pdf> [--format party|state] [--pdf] [--date YYYY-MM-DD]
                                  xuất thông báo kết luận, đề ngày đã ghi cho hội nghị (hoặc ngày --date);
                                  chưa có ngày thì in "ngày … tháng … năm …"
  stats <mã hội nghị> <tệp.docx|tệp.csv|tệp.pdf>
                                  xuất thống kê thời gian phát biểu (theo người, điểm cầu, mục chương trình)
  merge <mã hội nghị> <báo cáo.json hoặc thư mục>…
                                  nhập các báo cáo điểm cầu vào hội nghị; báo cáo hỏng hoặc không thuộc
                                  hội nghị bị từ chối riêng, các báo cáo khác vẫn được nhập; mã thoát 3
                                  khi còn khác biệt cần chọn (giữ nguyên bản ở trung tâm), 4 khi có báo
                                  cáo bị từ chối
  package <mã hội nghị> <tệp.json> [--attendees]
                                  xuất gói hội nghị gửi các điểm cầu (thông tin, chương trình, danh sách
                                  điểm cầu; --attendees: kèm đại biểu dự kiến của từng điểm cầu)
  open-package <tệp gói.json> "<tên điểm cầu>"
                                  mở gói hội nghị ở máy của một điểm cầu (hội nghị mới, gắn với điểm cầu
                                  đó), in mã của hội nghị
  site-report <mã hội nghị> <tệp.json> [--site "<tên điểm cầu>"]
                                  xuất báo cáo điểm cầu (thành phần dự và phát biểu tại điểm cầu) của
                                  điểm cầu đã mở gói, hoặc của điểm cầu --site
  search "<từ cần tìm>"           tìm trong mọi hội nghị (tiêu đề, điểm cầu, đại biểu, phát biểu,
                                  kết luận); gõ có dấu hay không dấu đều được
  profile [trường=giá trị …]      xem thông tin cơ quan; có trường=giá trị thì ghi các trường đó trước
                                  (ví dụ: profile issuingBody="BAN TỔ CHỨC TỈNH ỦY" abbreviation=BTCTU)
  new "<tiêu đề>" [trường=giá trị …]
                                  tạo hội nghị mới theo thông tin cơ quan, in mã của nó (ví dụ:
                                  date=30/09/2021 startTime=14:00 mode=online venue="Hội trường Tỉnh ủy")
  sites <mã hội nghị> <tệp.csv|tệp.xlsx>
                                  nhập danh sách điểm cầu (tên, cấp, số đại biểu, địa chỉ); bỏ qua
                                  điểm cầu hội nghị đã có
  attendees <mã hội nghị> <tệp.csv|tệp.xlsx> [--site "<tên điểm cầu>"]
                                  nhập danh sách đại biểu (họ và tên, chức vụ, đơn vị) vào điểm cầu
                                  có tên đó (tạo mới nếu chưa có), mặc định vào điểm cầu chính
  help                            hiện hướng dẫn này

Dạng tệp theo đuôi tên tệp, hoặc PDF với --pdf. Tệp PDF được in bằng trình duyệt Microsoft Edge,
Google Chrome hoặc Chromium có trên máy (hoặc trình duyệt ở biến môi trường BIEN_BAN_BROWSER).

Tệp gõ bằng bảng mã cũ (TCVN3, VNI): thêm --convert để chuyển sang Unicode, --keep để giữ nguyên.

Nếu hội nghị còn thiếu thông tin, tệp vẫn được ghi, với "…" ở chỗ thiếu, và các chỗ thiếu
được liệt kê trên stderr.

Cơ sở dữ liệu mã hóa: cụm mật khẩu (hoặc khóa khôi phục) được hỏi trên terminal, không hiện ra khi
gõ, hoặc đọc từ dòng đầu của một tệp: --passphrase-file <tệp>. Không bao giờ gõ cụm mật khẩu ngay trên
dòng lệnh (lịch sử lệnh và danh sách tiến trình sẽ giữ nó).
Tệp hội nghị mã hóa: import hỏi cụm mật khẩu của tệp (hoặc --file-passphrase-file <tệp>); export một
hội nghị MẬT trở lên cần --encrypt (mã hóa tệp, hỏi cụm mật khẩu cho tệp) hoặc --plain (xác nhận
xuất không mã hóa).

Mặc định dùng cơ sở dữ liệu của ứng dụng: ${defaultDatabasePath()}`;
