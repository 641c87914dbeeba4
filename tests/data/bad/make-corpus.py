#!/usr/bin/python3
# make-corpus.py — writes the bad-input corpus of tests/data/bad/ (the
# files are committed; this says how they were made). Every file must give
# the import a clear file-level error or at least one per-row problem, and
# leave the studio as it was when refused. The big ones (a 10 MB line, a
# CSV of 100,000 rows with some bad) are made by the test itself.
# Usage: make-corpus.py [FOLDER]
import os, sys

out = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
n = 0

def put(name, data):
    global n
    if isinstance(data, str):
        data = data.encode('utf-8')
    with open(os.path.join(out, name), 'wb') as f:
        f.write(data)
    n += 1

HEAD = 'ФИО;Телефон;Дата рождения;Примечание\r\n'
GOOD = 'Иванова Мария Петровна;+7 912 345-67-89;12.03.1990;постоянная\r\n'

# Birthdays people could not have: the row comes in, the field is reported.
bad_dates = ['31.02.2020', '29.02.2021', '32.01.1990', '00.00.0000', '12.13.1990', '1990-02-30',
             '12.03.1850', '12.03.2999', 'вчера', 'tomorrow', '12/31/1990', '31.04.1990', '31.06.1991',
             '31.09.1992', '31.11.1993', '30.02', '0.03', '12..03.1990', '12.03.19900', '-12.03.1990',
             '1e5', '99999999', 'NaN', '12 мартобря 1990', '2020-00-10', '2020-10-00', '12.03.-1',
             '½.03.1990', '١٢.٠٣.١٩٩٠', '12.03.1990.12']
for i, d in enumerate(bad_dates):
    put('date-%02d.csv' % i, HEAD + 'Клиент %d;8 912 000-00-%02d;%s;\r\n' % (i, i, d))

# Phones that are no phone: the row cannot come in.
bad_phones = ['нет', '-', '0', '', ' ', 'n/a', 'не помню', '+', '++7', '123', '12345', '8-800',
              '7.91E+10', '9,1E+09', '#ЗНАЧ!', '#VALUE!', '=A1', 'тел.', 'раб.', '8 (', '()', 'abc@def',
              '1234567890123456789', '+0 000 000 00 00', '00000000000', '+999 999', '8 912 345 67 8',
              'seven nine one two', '☎', '0x7912345678']
for i, p in enumerate(bad_phones):
    put('phone-%02d.csv' % i, HEAD + 'Клиент %d;%s;;\r\n' % (i, p))

# Rows without a name, and other per-row problems.
for i, row in enumerate([';8 912 111-11-11;;', ' ;8 912 111-11-12;;', '"";8 912 111-11-13;;',
                         ';;;', ';;12.03.1990;только примечание', '"   ";"";;',
                         'Мария;8 912 111-11-14;;\r\nМария;8 912 111-11-14;;',   # duplicate in the file
                         'Мария;8 912 111-11-15;12.03.1990;x\r\nОльга;;;',
                         'Анна;+7 912 111-11-16;31.02.2020;\r\n;;;']):
    put('row-%02d.csv' % i, HEAD + row + '\r\n')

# The file's shape: a clear error, nothing written.
put('empty.csv', b'')
put('only-bom.csv', b'\xef\xbb\xbf')
put('only-newlines.csv', b'\r\n\r\n\n\n')
put('only-spaces.csv', b'   \t  \r\n  ')
put('utf16-bom-only.csv', b'\xff\xfe')
put('utf16-odd.csv', b'\xff\xfe' + 'ФИО\tТелефон\r\n'.encode('utf-16-le') + b'\x41')
put('half-quote-end.csv', HEAD + '"Иванова Мария;8 912 345-67-89;;\r\n')
put('half-quote-mid.csv', HEAD + GOOD + 'Петрова;"8 912 345-67-80;;\r\nСидорова;8 912 345-67-81;;\r\n')
put('quote-in-field.csv', HEAD + 'Ив"анова;8 912 345-67-89;;\r\n')
put('quote-after-quote.csv', HEAD + '"Иванова"x;8 912 345-67-89;;\r\n')
put('header-only.csv', HEAD)
put('header-only-comma.csv', 'Name,Phone,Birthday\r\n')
put('no-phone-column.csv', 'ФИО;Дата рождения\r\nИванова Мария;12.03.1990\r\n')
put('no-name-column.csv', 'Телефон;Дата рождения\r\n8 912 345-67-89;12.03.1990\r\n')
put('wrong-separator-pipe.csv', 'ФИО|Телефон|Дата рождения\r\nИванова|8 912 345-67-89|12.03.1990\r\n')
put('wrong-separator-colon.csv', 'ФИО:Телефон\r\nИванова:8 912 345-67-89\r\n')
put('one-column.csv', 'Телефон\r\n8 912 345-67-89\r\n')
put('ragged.csv', HEAD + 'Иванова\r\nПетрова;8 912 345-67-80;12.03.1990;a;b;c;d\r\n')
put('many-columns.csv', ';'.join('c%d' % i for i in range(5000)) + '\r\n' + ';'.join('x' for i in range(5000)) + '\r\n')
put('nul-bytes.csv', HEAD.encode() + b'\x00\x00\x00' + '\x00;8 912;;\r\n'.encode())
put('nul-in-field.csv', HEAD.encode() + 'Ива'.encode() + b'\x00' + 'нова;8 912 345-67-89;;\r\n'.encode())
put('cr-only.csv', HEAD.replace('\r\n', '\r') + 'Иванова;нет;;\r')
put('bom-twice.csv', b'\xef\xbb\xbf\xef\xbb\xbf' + HEAD.encode() + 'Иванова;нет;;\r\n'.encode())
put('mixed-encodings.csv', HEAD.encode('utf-8') + 'Петрова;нет;;\r\n'.encode('cp1251'))
put('latin1-not-1251.csv', 'Name;Phone\r\nJosé Müller;nein\r\n'.encode('latin-1'))
put('koi8r.csv', 'ФИО;Телефон\r\nИванова;нет\r\n'.encode('koi8-r'))
put('utf16be-nobom.csv', 'ФИО;Телефон\r\nИванова;нет\r\n'.encode('utf-16-be'))
put('utf16le-nobom.csv', 'ФИО;Телефон\r\nИванова;нет\r\n'.encode('utf-16-le'))
put('utf32.csv', b'\xff\xfe\x00\x00' + 'ФИО;Телефон\r\nИванова;нет\r\n'.encode('utf-32-le'))
put('truncated-utf8.csv', HEAD.encode() + 'Иванова;нет;;'.encode()[:-5] + b'\xd0')
put('overlong-utf8.csv', HEAD.encode() + b'\xc0\xaf;\xe0\x80\xaf;;\r\n')
put('surrogates-utf8.csv', HEAD.encode() + b'\xed\xa0\x80;\xed\xbf\xbf;;\r\n')
put('tabs-and-semicolons.csv', 'ФИО\tТелефон;Дата\r\nИванова\tнет;12.03\r\n')
put('formula.csv', HEAD + '=HYPERLINK("http://x");=1+1;=TODAY();@SUM(A1)\r\n')
put('html.csv', '<html><body><table><tr><td>ФИО</td></tr></table></body></html>\r\n')
put('xml.csv', '<?xml version="1.0"?><clients><c name="x"/></clients>\n')
put('json.csv', '[{"name": "Иванова", "phone": "нет"}]\n')
put('long-name.csv', HEAD + ('Я' * 30000) + ';8 912 345-67-89;;\r\n')
put('long-note.csv', HEAD + 'Иванова;нет;;' + ('заметка ' * 20000) + '\r\n')
put('many-rows-one-bad.csv', HEAD + ''.join('Клиент %d;8 912 %03d-%02d-%02d;;\r\n' % (i, i // 100, i % 100, i % 97) for i in range(500)) + 'Плохой;нет;;\r\n')
put('all-duplicates.csv', HEAD + ''.join('Клиент %d;8 912 345-67-89;;\r\n' % i for i in range(20)))

# Binary files somebody picked by mistake.
put('png.csv', b'\x89PNG\r\n\x1a\n' + bytes(range(256)) * 4)
put('elf.csv', b'\x7fELF\x02\x01\x01' + bytes(200))
put('zip.csv', b'PK\x03\x04' + bytes(range(256)))
put('xlsx.csv', b'PK\x03\x04\x14\x00\x06\x00' + b'[Content_Types].xml' + bytes(100))
put('xls.csv', b'\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1' + bytes(512))
put('pdf.csv', b'%PDF-1.4\n%\xe2\xe3\xcf\xd3\n' + bytes(range(256)))
put('jpeg.csv', b'\xff\xd8\xff\xe0\x00\x10JFIF\x00' + bytes(range(256)))
put('gzip.csv', b'\x1f\x8b\x08\x00' + bytes(range(256)))
put('sqlite.csv', b'SQLite format 3\x00' + bytes(1000))
put('random.csv', bytes((i * 7919 + 13) % 256 for i in range(4096)))

# vCards phones and programs get wrong.
V = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Иванова Мария\r\nN:Иванова;Мария;;;\r\n'
put('vcard-missing-end.vcf', V + 'TEL:+7 912 345-67-89\r\n')
put('vcard-missing-end-second.vcf', V + 'TEL:+7 912 345-67-89\r\nEND:VCARD\r\n' + V + 'TEL:нет\r\n')
put('vcard-no-begin.vcf', 'VERSION:3.0\r\nFN:Иванова\r\nTEL:+79123456789\r\nEND:VCARD\r\n')
put('vcard-nested.vcf', V + V + 'END:VCARD\r\nEND:VCARD\r\n')
put('vcard-empty.vcf', 'BEGIN:VCARD\r\nEND:VCARD\r\n')
put('vcard-no-tel.vcf', V + 'END:VCARD\r\n')
put('vcard-no-name.vcf', 'BEGIN:VCARD\r\nVERSION:3.0\r\nTEL:+79123456789\r\nEND:VCARD\r\n')
put('vcard-bad-tel.vcf', V + 'TEL;TYPE=CELL:нет\r\nEND:VCARD\r\n')
put('vcard-bad-bday.vcf', V + 'TEL:+79123456789\r\nBDAY:2020-02-31\r\nEND:VCARD\r\n')
put('vcard-bad-bday2.vcf', V + 'TEL:+79123456789\r\nBDAY:вчера\r\nEND:VCARD\r\n')
put('vcard-bad-qp.vcf', 'BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=D0=98=ZZ=\r\n=D0\r\nTEL;CELL:нет\r\nEND:VCARD\r\n')
put('vcard-qp-truncated.vcf', 'BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=D0=\r\n')
put('vcard-bad-charset.vcf', 'BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=NO-SUCH-CHARSET:Ivanova\r\nTEL:нет\r\nEND:VCARD\r\n')
put('vcard-binary-photo.vcf', V + 'PHOTO;ENCODING=b;TYPE=JPEG:' + 'A' * 60000 + '\r\nTEL:нет\r\nEND:VCARD\r\n')
put('vcard-long-line.vcf', V + 'NOTE:' + 'x' * 100000 + '\r\nTEL:нет\r\nEND:VCARD\r\n')
put('vcard-fold-broken.vcf', 'BEGIN:VCARD\r\nVERSION:3.0\r\n FN:Иванова\r\n TEL:+7912\r\nEND:VCARD\r\n')
put('vcard-garbage.vcf', 'BEGIN:VCARD\r\n\x01\x02\x03:::;;;\r\nEND:VCARD\r\n')
put('vcard-only-begin.vcf', 'BEGIN:VCARD')
put('vcard-empty-file.vcf', b'')
put('vcard-version-9.vcf', 'BEGIN:VCARD\r\nVERSION:9.9\r\nFN:Иванова\r\nTEL:нет\r\nEND:VCARD\r\n')
put('vcard-is-csv.vcf', HEAD + GOOD)
put('vcard-binary.vcf', bytes(range(256)) * 8)
put('vcard-utf16.vcf', b'\xff\xfe' + (V + 'TEL:нет\r\nEND:VCARD\r\n').encode('utf-16-le'))
put('vcard-many-bad.vcf', ''.join(V.replace('Иванова Мария', 'Клиент %d' % i) + 'TEL:нет\r\nEND:VCARD\r\n' for i in range(50)))
put('vcard-dup-tel.vcf', (V + 'TEL:+79123456789\r\nEND:VCARD\r\n') * 3)
put('vcard-lf-only.vcf', (V + 'TEL:нет\r\nEND:VCARD\r\n').replace('\r\n', '\n'))
put('vcard-lowercase.vcf', (V + 'TEL:нет\r\nEND:VCARD\r\n').lower())
put('vcard-param-junk.vcf', 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN;;;=;=:Иванова\r\nTEL;TYPE="unterminated:нет\r\nEND:VCARD\r\n')
put('vcard-end-mismatch.vcf', V + 'TEL:нет\r\nEND:VCALENDAR\r\n')

# Visits that cannot be history.
VH = 'Дата;Телефон;Услуга;Мастер;Цена\r\n'
bad_visits = ['31.02.2020;+7 912 345-67-89;Стрижка;Анна;1500', '12.03.2020;нет;Стрижка;Анна;1500',
              '12.03.2020;+7 912 345-67-89;Стрижка;Анна;-100', '12.03.2020;+7 912 345-67-89;Стрижка;Анна;сто',
              '12.03.2020;+7 912 345-67-89;;Анна;1500', '12.03.2020;+7 912 345-67-89;Стрижка;;1500',
              ';+7 912 345-67-89;Стрижка;Анна;1500', 'вчера;+7 912 345-67-89;Стрижка;Анна;1500',
              '12.03.2020 25:61;+7 912 345-67-89;Стрижка;Анна;1500', '12.03.2020;+7 912 345-67-89;Стрижка;Анна;1e9',
              '12.03.2020;+7 912 345-67-89;Стрижка;Анна;99999999999999999999', '2020-13-01;+7 912 345-67-89;Стрижка;Анна;1500',
              '12.03.2020;+7 000 000-00-00;Стрижка;Анна;1500', '12.03;+7 912 345-67-89;Стрижка;Анна;1500',
              '12.03.2020;+7 912 345-67-89;Стрижка;Анна;1 500,505']
for i, v in enumerate(bad_visits):
    put('visits-%02d.csv' % i, VH + v + '\r\n')

# Optional fields that cannot be read: reported, left empty, the row comes in.
EH = 'ФИО;Телефон;E-mail;Пол\r\n'
bad_optional = [('мария@', 'ж'), ('maria@@mail.ru', 'ж'), ('maria mail.ru', 'f'), ('@mail.ru', 'female'),
                ('maria@mail', 'м'), ('m@m.ru', 'кот'), ('m@m.ru', '42'), ('m@m.ru', 'unknown?'),
                ('a b@c.d', 'ж'), ('m@m.ru;n@n.ru', 'ж'), ('"m"@', 'm'), ('m@.ru', 'ж'), ('m@m..ru', 'ж'),
                ('m@m.ru', 'женщина и мужчина'), ('<m@m.ru>', 'x'), ('m@m.ru', '!!!'), ('mailto:', 'ж'),
                ('m' * 300 + '@m.ru', 'ж'), ('m@m.ru', 'ж' * 300), ('m@' + 'm' * 300 + '.ru', 'ж')]
for i, (e, g) in enumerate(bad_optional):
    put('optional-%02d.csv' % i, EH + 'Клиентка %d;+7 912 222-22-%02d;%s;%s\r\n' % (i, i, e, g))

# Several numbers and Excel's numbers that cannot be read back.
for i, p in enumerate(['7,91E+10', '7.9E+10', '8.91234E+10', '9.12E+09', '1.23457E+11', '-79123456789',
                       '79123456789.5', '(912) 345', '8-912-345-67-89-00-11', 'раб.; моб.', ';;;',
                       'доб. 123', '8 800', '8 812', '+7 (812)', '+7 800 ab', '8 (912) нет', '0.0', '0,0', 'E+10']):
    put('phone-excel-%02d.csv' % i, HEAD + 'Клиент %d;"%s";;\r\n' % (i, p))

print('%d files in %s' % (n, out))
