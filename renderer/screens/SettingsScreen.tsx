// Cài đặt: the organisation's profile and the defaults of new meetings. Saved as typed.
import { useEffect, useState } from 'react';
import { FORMATS, type ProfileFields } from '../../shared/model/meeting.ts';
import { FORMAT_LABELS } from '../../shared/model/labels.ts';
import { errorMessage } from '../api.ts';
import { optionsOf, SelectField, TextField, FieldError } from '../components/fields.tsx';
import { useClient, useTracker } from '../context.tsx';
import { BackupSection } from './BackupSection.tsx';
import { SecuritySection } from './SecuritySection.tsx';

type TextKey = { [K in keyof ProfileFields]: ProfileFields[K] extends string ? K : never }[keyof ProfileFields];

const GROUPS: { title: string; fields: { key: Exclude<TextKey, 'defaultFormat'>; label: string; hint?: string }[] }[] = [
  {
    title: 'Cơ quan',
    fields: [
      { key: 'superiorBody', label: 'Cơ quan cấp trên', hint: 'Dòng trên cùng của tiêu đề, ví dụ: ĐẢNG BỘ TỈNH NGHỆ AN (có thể để trống).' },
      { key: 'issuingBody', label: 'Cơ quan ban hành', hint: 'Ví dụ: BAN THƯỜNG VỤ TỈNH ỦY.' },
      { key: 'abbreviation', label: 'Chữ viết tắt của cơ quan', hint: 'Dùng trong số, ký hiệu văn bản, ví dụ: TU trong “Số 05-BB/TU”.' },
      { key: 'placeName', label: 'Địa danh', hint: 'Dùng ở dòng ngày tháng, ví dụ: Nghệ An.' },
    ],
  },
  {
    title: 'Mặc định cho hội nghị mới',
    fields: [
      { key: 'currentTerm', label: 'Nhiệm kỳ hiện tại', hint: 'Ví dụ: 2025-2030. Số biên bản theo thể thức Đảng bắt đầu lại từ 01 mỗi nhiệm kỳ.' },
      { key: 'defaultMinuteTaker', label: 'Người ghi biên bản' },
      { key: 'defaultMinuteTakerPosition', label: 'Chức vụ người ghi biên bản' },
    ],
  },
  {
    title: 'Người ký thông báo kết luận',
    fields: [
      { key: 'noticeSignerAuthority', label: 'Thẩm quyền ký', hint: 'Ví dụ: T/L BAN THƯỜNG VỤ hoặc T/M BAN THƯỜNG VỤ.' },
      { key: 'noticeSignerPosition', label: 'Chức vụ người ký', hint: 'Ví dụ: CHÁNH VĂN PHÒNG.' },
      { key: 'noticeSignerName', label: 'Họ và tên người ký' },
    ],
  },
];

export function SettingsScreen() {
  const client = useClient();
  const tracker = useTracker();
  const [profile, setProfile] = useState<ProfileFields | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    client.getProfile({}).then(setProfile, (err: unknown) => setError(errorMessage(err)));
  }, [client]);

  const save = async (patch: Partial<ProfileFields>) => {
    const next = await tracker.track(client.updateProfile({ patch }));
    setProfile(next);
    return next;
  };

  return (
    <main className="screen settings">
      <h1>Cài đặt</h1>
      <p className="muted">Thông tin của cơ quan dùng cho tiêu đề văn bản và làm giá trị mặc định khi tạo hội nghị mới. Thay đổi được lưu tự động.</p>
      <FieldError error={error} />
      {profile ? (
        <>
          {GROUPS.map((group) => (
            <fieldset key={group.title} className="group">
              <legend>{group.title}</legend>
              {group.title === 'Mặc định cho hội nghị mới' ? (
                <SelectField
                  label="Thể thức mặc định"
                  value={profile.defaultFormat}
                  options={optionsOf(FORMATS, FORMAT_LABELS)}
                  save={(defaultFormat) => save({ defaultFormat })}
                />
              ) : null}
              {group.fields.map((field) => (
                <TextField
                  key={field.key}
                  label={field.label}
                  hint={field.hint}
                  value={profile[field.key]}
                  save={(value) => save({ [field.key]: value })}
                  className="wide"
                />
              ))}
            </fieldset>
          ))}
        </>
      ) : error ? null : (
        <p>Đang tải…</p>
      )}
      <SecuritySection />
      <BackupSection />
    </main>
  );
}
